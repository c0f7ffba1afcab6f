package com.changgou.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The order service's transaction for one pay result, on one consumer's connection of its own, with the
 * statements of OrderManagement.markPaid, OrderMapper.xml and OrderEventOutbox: lock the order, move it
 * UNPAID → PAID conditionally, write its tb_order_log row and its order.paid outbox row, commit.
 */
final class FloorOrderTransaction implements AutoCloseable {

    private static final String LOCK = """
            SELECT id, username, total_num, total_money, pay_money, pay_type, order_status, transaction_id,
                   create_time, update_time, pay_time, close_time, expire_time, business_type
            FROM tb_order WHERE id = ? FOR UPDATE""";
    private static final String MARK_PAID = """
            UPDATE tb_order
            SET order_status = ?, pay_status = ?, transaction_id = ?, pay_time = ?, update_time = ?
            WHERE id = ? AND order_status = ?""";
    private static final String INSERT_LOG = """
            INSERT INTO tb_order_log (order_id, from_status, to_status, operator, remark, transaction_id, create_time)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    /** OrderStatusTypeHandler's and PayStatusTypeHandler's codes. */
    private static final String UNPAID = "0";
    private static final String PAID = "1";

    private record LockedOrder(String username, String businessType, long payMoney, boolean unpaid) {
    }

    private final Connection db;
    private final PreparedStatement lock;
    private final PreparedStatement markPaid;
    private final PreparedStatement insertLog;
    private final PreparedStatement appendOutbox;

    /** {@code db}: a connection of the order schema, not in auto-commit. */
    FloorOrderTransaction(Connection db) throws SQLException {
        this.db = db;
        this.lock = db.prepareStatement(LOCK);
        this.markPaid = db.prepareStatement(MARK_PAID);
        this.insertLog = db.prepareStatement(INSERT_LOG);
        this.appendOutbox = db.prepareStatement(FloorOutbox.insert(1));
    }

    /**
     * The outbox rows this call committed with the order's move to PAID; none when the order was no longer
     * UNPAID.
     */
    List<FloorOutbox.Row> apply(FloorMessages.PayResult result) throws SQLException {
        // whole seconds, as the order service writes its times
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        LockedOrder order = lock(result);
        if (!order.unpaid() || !markPaid(result, now)) {
            db.commit();
            return List.of();
        }
        insertLog.setString(1, result.orderId());
        insertLog.setString(2, UNPAID);
        insertLog.setString(3, PAID);
        insertLog.setString(4, "pay");
        insertLog.setString(5, "paid by WeChat");
        insertLog.setString(6, result.transactionId());
        insertLog.setTimestamp(7, now);
        insertLog.executeUpdate();
        FloorMessages.OrderEvent event = new FloorMessages.OrderEvent("paid-" + result.orderId(), FloorMessages.ORDER_PAID,
                now.toInstant(), result.orderId(), order.username(), order.businessType(), order.payMoney(), order.payMoney());
        List<FloorOutbox.Row> rows = List.of(new FloorOutbox.Row(event.eventId(), event.type(),
                FloorTopology.ORDER_EVENTS_EXCHANGE, "", FloorMessages.json(event)));
        FloorOutbox.bindInsert(appendOutbox, rows, now);
        appendOutbox.executeUpdate();
        db.commit();
        return rows;
    }

    private LockedOrder lock(FloorMessages.PayResult result) throws SQLException {
        lock.setString(1, result.orderId());
        try (ResultSet order = lock.executeQuery()) {
            if (!order.next()) {
                throw new IllegalStateException("pay result %s names unknown order %s".formatted(result.messageId(), result.orderId()));
            }
            long payMoney = order.getLong("pay_money");
            if (payMoney != result.totalFee()) {
                throw new IllegalStateException("pay result %s paid %d fen, order %s costs %d"
                        .formatted(result.messageId(), result.totalFee(), result.orderId(), payMoney));
            }
            return new LockedOrder(order.getString("username"), order.getString("business_type"), payMoney,
                    UNPAID.equals(order.getString("order_status")));
        }
    }

    private boolean markPaid(FloorMessages.PayResult result, Timestamp now) throws SQLException {
        markPaid.setString(1, PAID);
        markPaid.setString(2, PAID);
        markPaid.setString(3, result.transactionId());
        markPaid.setTimestamp(4, Timestamp.from(result.paidAt() != null ? result.paidAt() : result.occurredAt()));
        markPaid.setTimestamp(5, now);
        markPaid.setString(6, result.orderId());
        markPaid.setString(7, UNPAID);
        return markPaid.executeUpdate() == 1;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
