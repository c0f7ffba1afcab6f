package com.changgou.order.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.order.api.BusinessType;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.RefundKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The codes each type handler stores: the seed's values, which reports and old rows rely on. */
class StoredCodesTest {

    @ParameterizedTest(name = "{0} is stored as ''{1}''")
    @CsvSource({"UNPAID, 0", "PAID, 1", "CLOSED, 2", "REFUNDING, 3", "REFUNDED, 4", "PARTIALLY_REFUNDED, 5"})
    void orderStatus(OrderStatus status, String code) {
        assertThat(new OrderStatusTypeHandler().code(status)).isEqualTo(code);
        assertThat(new OrderStatusTypeHandler().of(code)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} is stored as ''{1}''")
    @CsvSource({"UNPAID, 0", "PAID, 1"})
    void payStatus(PayStatus status, String code) {
        assertThat(new PayStatusTypeHandler().code(status)).isEqualTo(code);
        assertThat(new PayStatusTypeHandler().of(code)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} is stored as ''{1}''")
    @CsvSource({"WECHAT, 1"})
    void payType(PayType type, String code) {
        assertThat(new PayTypeTypeHandler().code(type)).isEqualTo(code);
        assertThat(new PayTypeTypeHandler().of(code)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} is stored as ''{1}''")
    @CsvSource({"TODO, TODO", "REFUNDING, REFUNDING", "REFUNDED, REFUNDED", "FAILED, FAILED"})
    void refundTodoState(RefundTodoState state, String code) {
        assertThat(new RefundTodoStateTypeHandler().code(state)).isEqualTo(code);
        assertThat(new RefundTodoStateTypeHandler().of(code)).isEqualTo(state);
    }

    @ParameterizedTest(name = "refund state {0} is stored by name")
    @CsvSource({"REQUESTED", "SUBMITTED", "SUCCESS", "CLOSED", "REFUSED", "CHANGE"})
    void refundState(OrderRefundState state) {
        assertThat(new OrderRefundStateTypeHandler().code(state)).isEqualTo(state.name());
        assertThat(new OrderRefundStateTypeHandler().of(state.name())).isEqualTo(state);
    }

    @ParameterizedTest(name = "business type {0} is stored by name")
    @CsvSource({"GOODS", "COURSE"})
    void businessType(BusinessType type) {
        assertThat(new BusinessTypeTypeHandler().code(type)).isEqualTo(type.name());
        assertThat(new BusinessTypeTypeHandler().of(type.name())).isEqualTo(type);
    }

    @ParameterizedTest(name = "refund kind {0} is stored by name")
    @CsvSource({"SHOPPER_CANCEL", "OPERATOR", "PAID_AFTER_CLOSE"})
    void refundKind(RefundKind kind) {
        assertThat(new RefundKindTypeHandler().code(kind)).isEqualTo(kind.name());
        assertThat(new RefundKindTypeHandler().of(kind.name())).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is stored as ''{1}''")
    @CsvSource({"PAY, pay", "SYSTEM, system"})
    void serviceOperator(Operator.Service operator, String code) {
        assertThat(new OperatorTypeHandler().code(operator)).isEqualTo(code);
        assertThat(new OperatorTypeHandler().of(code)).isEqualTo(operator);
    }

    @Test
    void aShopperIsStoredByName() {
        assertThat(new OperatorTypeHandler().code(Operator.shopper("alice"))).isEqualTo("alice");
        assertThat(new OperatorTypeHandler().of("alice")).isEqualTo(Operator.shopper("alice"));
    }

    @Test
    void staffAreStoredByNameBehindAPrefixNoShopperNameHolds() {
        assertThat(new OperatorTypeHandler().code(Operator.staff("olga"))).isEqualTo("operator:olga");
        assertThat(new OperatorTypeHandler().of("operator:olga")).isEqualTo(Operator.staff("olga"));
    }

    @Test
    void everyValueHasACode() {
        assertThat(OrderStatus.values()).allSatisfy(s -> assertThat(new OrderStatusTypeHandler().code(s)).isNotBlank());
        assertThat(PayStatus.values()).allSatisfy(s -> assertThat(new PayStatusTypeHandler().code(s)).isNotBlank());
        assertThat(PayType.values()).allSatisfy(t -> assertThat(new PayTypeTypeHandler().code(t)).isNotBlank());
        assertThat(RefundTodoState.values())
                .allSatisfy(s -> assertThat(new RefundTodoStateTypeHandler().code(s)).isNotBlank());
        assertThat(Operator.Service.values())
                .allSatisfy(o -> assertThat(new OperatorTypeHandler().code(o)).isNotBlank());
    }

    @Test
    void anUnknownCodeIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> new OrderStatusTypeHandler().of("9")).hasMessageContaining("'9'");
        assertThatThrownBy(() -> new PayTypeTypeHandler().of("2")).hasMessageContaining("'2'");
        assertThatThrownBy(() -> new PayStatusTypeHandler().of("2")).hasMessageContaining("'2'");
        assertThatThrownBy(() -> new RefundTodoStateTypeHandler().of("DONE")).hasMessageContaining("'DONE'");
        assertThatThrownBy(() -> new OrderRefundStateTypeHandler().of("DONE")).hasMessageContaining("'DONE'");
        assertThatThrownBy(() -> new RefundKindTypeHandler().of("GIFT")).hasMessageContaining("'GIFT'");
        assertThatThrownBy(() -> new BusinessTypeTypeHandler().of("TICKET")).hasMessageContaining("'TICKET'");
    }

    /** Rows move from, columns move to; Y is allowed, - refused. A todo follows its refund, forward only. */
    private static final String TODO_MOVES = """
                        TODO  REFUNDING  REFUNDED  FAILED
            TODO          -       Y          Y        Y
            REFUNDING     -       -          Y        Y
            REFUNDED      -       -          -        -
            FAILED        -       -          -        -
            """;

    @ParameterizedTest(name = "todo {0} → {1} allowed: {2}")
    @MethodSource("todoMoves")
    void aRefundToDoMovesAsTheTableSays(RefundTodoState from, RefundTodoState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "a refund {0} leaves its todo {1}")
    @CsvSource({"REQUESTED, TODO", "SUBMITTED, REFUNDING", "CHANGE, REFUNDING", "SUCCESS, REFUNDED",
            "CLOSED, FAILED", "REFUSED, FAILED"})
    void aRefundToDoFollowsItsRefund(OrderRefundState refund, RefundTodoState todo) {
        assertThat(RefundTodoState.following(refund)).isEqualTo(todo);
    }

    static Stream<Arguments> todoMoves() {
        List<String[]> rows = TODO_MOVES.lines().map(String::trim).map(line -> line.split("\\s+")).toList();
        String[] columns = rows.get(0);
        assertThat(Arrays.stream(columns).map(RefundTodoState::valueOf)).containsExactly(RefundTodoState.values());
        return rows.stream().skip(1).flatMap(row -> IntStream.range(0, columns.length).mapToObj(i -> Arguments.of(
                RefundTodoState.valueOf(row[0]), RefundTodoState.valueOf(columns[i]), row[i + 1].equals("Y"))));
    }
}
