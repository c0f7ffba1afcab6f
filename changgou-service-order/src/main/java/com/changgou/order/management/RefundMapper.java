package com.changgou.order.management;

import com.changgou.order.api.OrderRefundState;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL of the refund tables; statements in RefundMapper.xml beside this interface's path. */
@Mapper
public interface RefundMapper {

    void insertRefund(RefundRow refund);

    RefundRow findRefund(@Param("id") String id);

    /** A locking read: sees the latest committed state, not this transaction's snapshot. */
    RefundRow findRefundForUpdate(@Param("id") String id);

    /** The order's refunds, oldest first. */
    List<RefundRow> findRefunds(@Param("orderId") String orderId);

    RefundSums sums(@Param("orderId") String orderId);

    /** REQUESTED refunds whose next try is due at {@code now}, the longest waiting first. */
    List<String> findDue(@Param("now") Instant now, @Param("limit") int limit);

    /**
     * Takes a due REQUESTED refund for one submission: counts the attempt and moves its next try to
     * {@code leaseUntil}, so no other instance takes it meanwhile; 0 when it was not due or not REQUESTED.
     */
    int claim(@Param("id") String id, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

    /** After a failed submission: the next try at {@code nextTryAt}, if the row is still as this claim left it. */
    int retryAt(@Param("id") String id, @Param("attempts") int attempts, @Param("nextTryAt") Instant nextTryAt,
            @Param("now") Instant now);

    /** {@code from} → {@code to}, with the refusal (null keeps none); 0 when it is no longer {@code from}. */
    int move(@Param("id") String id, @Param("from") OrderRefundState from, @Param("to") OrderRefundState to,
            @Param("refusal") String refusal, @Param("now") Instant now);

    /**
     * The refunds a person must act on, oldest first: every CHANGE refund, and each refund of money paid
     * after the order closed that ended REFUSED or CLOSED while its todo still names it (money still owed).
     */
    List<RefundAttentionRow> findNeedingAttention(@Param("limit") int limit);

    long countNeedingAttention();

    /** 0 when this (order, transaction) is already recorded. */
    int insertTodo(RefundTodoRow todo);

    RefundTodoRow findTodoOf(@Param("refundId") String refundId);

    /** The todo of {@code oldRefundId}, still {@code from}, names {@code newRefundId} and is TODO again; 0 otherwise. */
    int restartTodo(@Param("oldRefundId") String oldRefundId, @Param("newRefundId") String newRefundId,
            @Param("from") RefundTodoState from, @Param("now") Instant now);

    /** The todo of a refund {@code from} → {@code to}; 0 when there is none or it moved on. */
    int moveTodo(@Param("refundId") String refundId, @Param("from") RefundTodoState from,
            @Param("to") RefundTodoState to, @Param("now") Instant now);
}
