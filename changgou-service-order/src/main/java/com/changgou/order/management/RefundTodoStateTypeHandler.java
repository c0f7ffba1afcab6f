package com.changgou.order.management;

import org.apache.ibatis.type.MappedTypes;

/** The one place that knows how {@link RefundTodoState} is stored in {@code tb_order_refund_todo.state}: by name. */
@MappedTypes(RefundTodoState.class)
public class RefundTodoStateTypeHandler extends CodeTypeHandler<RefundTodoState> {

    @Override
    String code(RefundTodoState state) {
        return switch (state) {
            case TODO -> "TODO";
            case REFUNDING -> "REFUNDING";
            case REFUNDED -> "REFUNDED";
            case FAILED -> "FAILED";
        };
    }

    @Override
    RefundTodoState of(String code) {
        return switch (code) {
            case "TODO" -> RefundTodoState.TODO;
            case "REFUNDING" -> RefundTodoState.REFUNDING;
            case "REFUNDED" -> RefundTodoState.REFUNDED;
            case "FAILED" -> RefundTodoState.FAILED;
            default -> throw new IllegalStateException("unknown refund state '%s'".formatted(code));
        };
    }
}
