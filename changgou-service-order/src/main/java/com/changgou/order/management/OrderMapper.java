package com.changgou.order.management;

import com.changgou.order.api.OrderStatus;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL of the order tables; statements in OrderMapper.xml beside this interface's path. */
@Mapper
public interface OrderMapper {

    void insertOrder(OrderRow order);

    void insertItems(@Param("items") List<OrderItemRow> items);

    void insertLog(OrderLogRow log);

    OrderRow findById(@Param("id") String id);

    /** A locking read: sees the latest committed state, not this transaction's snapshot. */
    OrderRow findByIdForUpdate(@Param("id") String id);

    List<OrderRow> findByUsername(@Param("username") String username);

    List<OrderItemRow> findItems(@Param("orderId") String orderId);

    List<OrderLogRow> findLogs(@Param("orderId") String orderId);

    List<RefundTodoRow> findRefundTodos(@Param("orderId") String orderId);

    /** UNPAID → PAID; 0 when the order is not (any more) unpaid. */
    int markPaid(@Param("id") String id, @Param("transactionId") String transactionId,
            @Param("payTime") Instant payTime, @Param("now") Instant now);

    /** UNPAID → CLOSED; 0 when the order is not (any more) unpaid. */
    int close(@Param("id") String id, @Param("now") Instant now);

    /** {@code from} → {@code to} for the refund moves; 0 when the order is no longer {@code from}. */
    int moveStatus(@Param("id") String id, @Param("from") OrderStatus from, @Param("to") OrderStatus to,
            @Param("now") Instant now);

    List<String> findExpiredIds(@Param("status") OrderStatus status, @Param("cutoff") Instant cutoff,
            @Param("limit") int limit);
}
