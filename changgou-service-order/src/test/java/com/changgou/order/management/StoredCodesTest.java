package com.changgou.order.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.order.api.OrderStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The codes each type handler stores: the seed's values, which reports and old rows rely on. */
class StoredCodesTest {

    @ParameterizedTest(name = "{0} is stored as ''{1}''")
    @CsvSource({"UNPAID, 0", "PAID, 1", "CLOSED, 2"})
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
    @CsvSource({"TODO, TODO"})
    void refundTodoState(RefundTodoState state, String code) {
        assertThat(new RefundTodoStateTypeHandler().code(state)).isEqualTo(code);
        assertThat(new RefundTodoStateTypeHandler().of(code)).isEqualTo(state);
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
    }

    @Test
    void noRefundStateMovesUntilRefundsAreMade() {
        assertThat(Arrays.stream(RefundTodoState.values()))
                .allSatisfy(from -> assertThat(RefundTodoState.values()).noneMatch(from::canMoveTo));
    }
}
