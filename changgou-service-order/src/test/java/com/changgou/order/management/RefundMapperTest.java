package com.changgou.order.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.order.TestDatabase;
import com.changgou.order.api.BusinessType;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.RefundKind;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The refund statements against the real MariaDB: the conditional updates, the sums, the stored codes. */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class RefundMapperTest {

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
    RefundMapper refunds;

    @Autowired
    OrderMapper orders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefundReadsBackAsWrittenWithItsKindAndStateByName() {
        RefundRow refund = refund("r-1", "o-1", 300, RefundKind.SHOPPER_CANCEL, OrderRefundState.REQUESTED);
        refunds.insertRefund(refund);

        assertThat(refunds.findRefund("r-1")).isEqualTo(refund);
        assertThat(refunds.findRefunds("o-1")).containsExactly(refund);
        assertThat(jdbc.sql("SELECT CONCAT(kind, '/', state) FROM tb_order_refund WHERE id = 'r-1'")
                .query(String.class).single()).isEqualTo("SHOPPER_CANCEL/REQUESTED");
    }

    @Test
    void theSumsCountSuccessAsRefundedAndWhatMayStillMoveAsInFlightButNotMoneyPaidAfterClose() {
        refunds.insertRefund(refund("r-10", "o-10", 100, RefundKind.OPERATOR, OrderRefundState.SUCCESS));
        refunds.insertRefund(refund("r-11", "o-10", 200, RefundKind.OPERATOR, OrderRefundState.REQUESTED));
        refunds.insertRefund(refund("r-12", "o-10", 400, RefundKind.OPERATOR, OrderRefundState.SUBMITTED));
        refunds.insertRefund(refund("r-13", "o-10", 800, RefundKind.OPERATOR, OrderRefundState.CHANGE));
        refunds.insertRefund(refund("r-14", "o-10", 1_600, RefundKind.OPERATOR, OrderRefundState.REFUSED));
        refunds.insertRefund(refund("r-15", "o-10", 3_200, RefundKind.OPERATOR, OrderRefundState.CLOSED));
        refunds.insertRefund(refund("r-16", "o-10", 6_400, RefundKind.PAID_AFTER_CLOSE, OrderRefundState.SUCCESS));

        assertThat(refunds.sums("o-10")).isEqualTo(new RefundSums(100, 1_400));
        assertThat(refunds.sums("o-10").leftOf(2_000)).isEqualTo(500);
        assertThat(refunds.sums("no-such-order")).isEqualTo(new RefundSums(0, 0));
    }

    @Test
    void aDueRefundIsClaimedOnceUntilItsLeaseEnds() {
        refunds.insertRefund(refund("r-20", "o-20", 300, RefundKind.SHOPPER_CANCEL, OrderRefundState.REQUESTED));

        assertThat(refunds.findDue(NOW, 10)).contains("r-20");
        assertThat(refunds.claim("r-20", NOW, NOW.plusSeconds(30))).isEqualTo(1);
        assertThat(refunds.claim("r-20", NOW, NOW.plusSeconds(30))).isZero();
        assertThat(refunds.findDue(NOW.plusSeconds(29), 10)).doesNotContain("r-20");
        assertThat(refunds.findRefund("r-20").attempts()).isEqualTo(1);

        assertThat(refunds.retryAt("r-20", 1, NOW.plusSeconds(2), NOW)).isEqualTo(1);
        assertThat(refunds.retryAt("r-20", 7, NOW.plusSeconds(900), NOW)).as("another claim's attempt").isZero();
        assertThat(refunds.claim("r-20", NOW.plusSeconds(2), NOW.plusSeconds(32))).isEqualTo(1);
        assertThat(refunds.findRefund("r-20").attempts()).isEqualTo(2);
    }

    @Test
    void aRefundMovesOnlyFromTheStateItIsInAndOnlyARequestedOneIsClaimed() {
        refunds.insertRefund(refund("r-30", "o-30", 300, RefundKind.OPERATOR, OrderRefundState.REQUESTED));

        assertThat(refunds.move("r-30", OrderRefundState.REQUESTED, OrderRefundState.SUBMITTED, null, NOW)).isEqualTo(1);
        assertThat(refunds.move("r-30", OrderRefundState.REQUESTED, OrderRefundState.REFUSED, "late", NOW)).isZero();
        assertThat(refunds.claim("r-30", NOW, NOW.plusSeconds(30))).isZero();
        assertThat(refunds.move("r-30", OrderRefundState.SUBMITTED, OrderRefundState.CLOSED, "closed by WeChat", NOW))
                .isEqualTo(1);
        assertThat(refunds.findRefund("r-30")).satisfies(r -> {
            assertThat(r.state()).isEqualTo(OrderRefundState.CLOSED);
            assertThat(r.refusal()).isEqualTo("closed by WeChat");
        });
    }

    @Test
    void aTodoNamesItsRefundAndFollowsItForwardOnly() {
        refunds.insertTodo(new RefundTodoRow(null, "o-40", "wx-40", "r-40", 300, "paid after close",
                RefundTodoState.TODO, NOW));

        assertThat(refunds.moveTodo("r-40", RefundTodoState.TODO, RefundTodoState.REFUNDING, NOW)).isEqualTo(1);
        assertThat(refunds.moveTodo("r-40", RefundTodoState.TODO, RefundTodoState.FAILED, NOW)).isZero();
        assertThat(refunds.findTodoOf("r-40").state()).isEqualTo(RefundTodoState.REFUNDING);
        assertThat(orders.findRefundTodos("o-40")).singleElement()
                .satisfies(t -> assertThat(t.refundId()).isEqualTo("r-40"));
    }

    @Test
    void anOrderMovesBetweenRefundStatusesOnlyFromTheOneItIsIn() {
        orders.insertOrder(new OrderRow("o-50", "alice", 1, 300, 300, PayType.WECHAT, OrderStatus.UNPAID, null, NOW,
                NOW, null, null, NOW, BusinessType.GOODS));
        orders.markPaid("o-50", "wx-50", NOW, NOW);

        assertThat(orders.moveStatus("o-50", OrderStatus.PAID, OrderStatus.REFUNDING, NOW)).isEqualTo(1);
        assertThat(orders.moveStatus("o-50", OrderStatus.PAID, OrderStatus.REFUNDING, NOW)).isZero();
        assertThat(orders.moveStatus("o-50", OrderStatus.REFUNDING, OrderStatus.PARTIALLY_REFUNDED, NOW)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT order_status FROM tb_order WHERE id = 'o-50'").query(String.class).single())
                .isEqualTo("5");
    }

    private static RefundRow refund(String id, String orderId, long amount, RefundKind kind, OrderRefundState state) {
        return new RefundRow(id, orderId, "wx-" + orderId, amount, "test", kind, state, null, 0, NOW, NOW, NOW);
    }
}
