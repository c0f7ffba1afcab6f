package com.changgou.order.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.order.TestDatabase;
import com.changgou.order.api.BusinessType;
import com.changgou.order.api.OrderStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class OrderMapperTest {

    static final TestDatabase DB = new TestDatabase();
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        DB.drop();
    }

    @Autowired
    OrderMapper mapper;

    @Autowired
    RefundMapper refunds;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrderWithItsItemsReadsBackAsWritten() {
        OrderRow order = unpaid("1001", "alice", NOW.plusSeconds(1800));
        mapper.insertOrder(order);
        mapper.insertItems(List.of(new OrderItemRow("2001", "1001", 7L, "phone", 150, 2, 300)));

        assertThat(mapper.findById("1001")).isEqualTo(order);
        assertThat(mapper.findItems("1001")).containsExactly(new OrderItemRow("2001", "1001", 7L, "phone", 150, 2, 300));
        assertThat(mapper.findByUsername("alice")).extracting(OrderRow::id).containsExactly("1001");
        assertThat(mapper.findByUsername("bob")).isEmpty();
    }

    @Test
    void aShoppersNameMatchesOnlyInTheSameCase() {
        mapper.insertOrder(unpaid("1010", "carol", NOW));

        assertThat(mapper.findByUsername("carol")).extracting(OrderRow::id).containsExactly("1010");
        assertThat(mapper.findByUsername("CAROL")).isEmpty();
        assertThat(mapper.findByUsername("Carol")).isEmpty();
    }

    @Test
    void theStatusIsStoredAsTheSeedsCodeThroughTheTypeHandler() {
        mapper.insertOrder(unpaid("1002", "alice", NOW));

        assertThat(statusCode("1002")).isEqualTo("0");
        assertThat(payStatusCode("1002")).isEqualTo("0");
        mapper.markPaid("1002", "wx-1", NOW, NOW);
        assertThat(statusCode("1002")).isEqualTo("1");
        assertThat(payStatusCode("1002")).isEqualTo("1");
        assertThat(mapper.findById("1002").orderStatus()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void markPaidChangesAnUnpaidOrderOnceAndNeverAClosedOne() {
        mapper.insertOrder(unpaid("1003", "alice", NOW));
        mapper.insertOrder(unpaid("1004", "alice", NOW));

        assertThat(mapper.markPaid("1003", "wx-3", NOW, NOW)).isEqualTo(1);
        assertThat(mapper.markPaid("1003", "wx-3", NOW, NOW)).isZero();
        OrderRow paid = mapper.findByIdForUpdate("1003");
        assertThat(paid.transactionId()).isEqualTo("wx-3");
        assertThat(paid.payTime()).isEqualTo(NOW);

        assertThat(mapper.close("1004", NOW)).isEqualTo(1);
        assertThat(mapper.markPaid("1004", "wx-4", NOW, NOW)).isZero();
        assertThat(mapper.close("1003", NOW)).isZero();
        assertThat(mapper.findById("1004").orderStatus()).isEqualTo(OrderStatus.CLOSED);
        assertThat(mapper.findById("1004").closeTime()).isEqualTo(NOW);
    }

    @Test
    void logRowsKeepTheirStatusesAndOrder() {
        mapper.insertOrder(unpaid("1005", "alice", NOW));
        mapper.insertLog(new OrderLogRow(null, "1005", null, OrderStatus.UNPAID, Operator.shopper("alice"), "placed",
                null, NOW));
        mapper.insertLog(new OrderLogRow(null, "1005", OrderStatus.UNPAID, OrderStatus.PAID, Operator.Service.PAY,
                "paid", "wx-5", NOW));
        mapper.insertLog(new OrderLogRow(null, "1005", OrderStatus.PAID, OrderStatus.PAID, Operator.Service.SYSTEM,
                "checked", null, NOW));

        assertThat(mapper.findLogs("1005"))
                .extracting(OrderLogRow::fromStatus, OrderLogRow::toStatus, OrderLogRow::operator,
                        OrderLogRow::transactionId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, OrderStatus.UNPAID, Operator.shopper("alice"), null),
                        org.assertj.core.groups.Tuple.tuple(OrderStatus.UNPAID, OrderStatus.PAID, Operator.Service.PAY,
                                "wx-5"),
                        org.assertj.core.groups.Tuple.tuple(OrderStatus.PAID, OrderStatus.PAID,
                                Operator.Service.SYSTEM, null));
        assertThat(jdbc.sql("SELECT operator FROM tb_order_log WHERE order_id = '1005' ORDER BY id")
                .query(String.class).list()).containsExactly("alice", "pay", "system");
    }

    @Test
    void payTypeAndRefundStateKeepTheSeedsCodes() {
        mapper.insertOrder(unpaid("1010", "alice", NOW));
        refunds.insertTodo(new RefundTodoRow(null, "1010", "wx-10", null, 300, "paid after close",
                RefundTodoState.TODO, NOW));

        assertThat(mapper.findById("1010").payType()).isEqualTo(PayType.WECHAT);
        assertThat(jdbc.sql("SELECT pay_type FROM tb_order WHERE id = '1010'").query(String.class).single())
                .isEqualTo("1");
        assertThat(mapper.findRefundTodos("1010")).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(RefundTodoState.TODO));
        assertThat(jdbc.sql("SELECT state FROM tb_order_refund_todo WHERE order_id = '1010'").query(String.class)
                .single()).isEqualTo("TODO");
    }

    @Test
    void theBusinessTypeIsStoredByName() {
        mapper.insertOrder(unpaid("1011", "alice", NOW, BusinessType.COURSE));

        assertThat(mapper.findById("1011").businessType()).isEqualTo(BusinessType.COURSE);
        assertThat(jdbc.sql("SELECT business_type FROM tb_order WHERE id = '1011'").query(String.class).single())
                .isEqualTo("COURSE");
    }

    @Test
    void aRefundToDoIsRecordedOncePerTransaction() {
        mapper.insertOrder(unpaid("1006", "alice", NOW));
        RefundTodoRow todo = new RefundTodoRow(null, "1006", "wx-6", "r-6", 300, "paid after close",
                RefundTodoState.TODO, NOW);

        assertThat(refunds.insertTodo(todo)).isEqualTo(1);
        assertThat(refunds.insertTodo(todo)).isZero();
        assertThat(mapper.findRefundTodos("1006")).singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualTo(300));
    }

    @Test
    void onlyUnpaidOrdersPastTheCutoffAreExpired() {
        mapper.insertOrder(unpaid("1007", "alice", NOW.minusSeconds(600)));
        mapper.insertOrder(unpaid("1008", "alice", NOW.plusSeconds(600)));
        mapper.insertOrder(unpaid("1009", "alice", NOW.minusSeconds(900)));
        mapper.close("1009", NOW);

        assertThat(mapper.findExpiredIds(OrderStatus.UNPAID, NOW, 10)).containsExactly("1007");
    }

    private String payStatusCode(String id) {
        return jdbc.sql("SELECT pay_status FROM tb_order WHERE id = ?").param(id).query(String.class).single();
    }

    private String statusCode(String id) {
        return jdbc.sql("SELECT order_status FROM tb_order WHERE id = ?").param(id).query(String.class).single();
    }

    private static OrderRow unpaid(String id, String username, Instant expireAt) {
        return unpaid(id, username, expireAt, BusinessType.GOODS);
    }

    private static OrderRow unpaid(String id, String username, Instant expireAt, BusinessType type) {
        Instant created = NOW;
        return new OrderRow(id, username, 2, 300, 300, PayType.WECHAT, OrderStatus.UNPAID, null, created, created,
                null, null, expireAt, type);
    }
}
