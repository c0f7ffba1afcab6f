package com.changgou.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The pay service's side of one believed notification, on one connection of its own (one of the floor's
 * concurrent notifiers), with the statements of PaymentConfirmations, PayRecordMapper.xml, the outbox
 * and NotifyLogMapper.xml: in one transaction read the pay record, move it NOTPAY → SUCCESS conditionally,
 * write its pay_log row, both outbox rows (the order's result and the page's push) and the notify_log
 * verdict; then hand the outbox rows to the relay. The notification's XML is stored as raw_notify, but never
 * parsed or verified here: that is the product's cost, not the floor's.
 */
final class FloorPayTransaction implements AutoCloseable {

    /** What WeChat's notification says, read from it before the clock starts. */
    record Notification(String outTradeNo, String transactionId, long totalFee, String timeEnd, Instant paidAt, String xml) {
    }

    private static final String FIND = """
            SELECT out_trade_no, order_id, username, total_fee, status, code_url, prepay_id, token, time_expire,
                   transaction_id, time_end, create_time, update_time, channel
            FROM pay_record WHERE out_trade_no = ?""";
    private static final String MARK_PAID = """
            UPDATE pay_record
            SET status = ?, transaction_id = ?, time_end = ?, raw_notify = ?, update_time = ?, next_query_at = NULL
            WHERE out_trade_no = ? AND status = ? AND total_fee = ?""";
    private static final String INSERT_LOG = """
            INSERT INTO pay_log (out_trade_no, from_status, to_status, actor, reason, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_NOTIFY_LOG = """
            INSERT INTO notify_log (received_at, channel, kind, verdict, reason, detail, reference, trace_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String NOTPAY = "NOTPAY";
    private static final String SUCCESS = "SUCCESS";
    private static final String WECHAT = "WECHAT";

    private final Connection db;
    private final Consumer<List<FloorOutbox.Row>> relay;
    private final PreparedStatement find;
    private final PreparedStatement markPaid;
    private final PreparedStatement insertLog;
    private final PreparedStatement appendOutbox;
    private final PreparedStatement insertNotifyLog;

    /** {@code db}: a connection of the pay schema, not in auto-commit. */
    FloorPayTransaction(Connection db, Consumer<List<FloorOutbox.Row>> relay) throws SQLException {
        this.db = db;
        this.relay = relay;
        this.find = db.prepareStatement(FIND);
        this.markPaid = db.prepareStatement(MARK_PAID);
        this.insertLog = db.prepareStatement(INSERT_LOG);
        this.appendOutbox = db.prepareStatement(FloorOutbox.insert(2));
        this.insertNotifyLog = db.prepareStatement(INSERT_NOTIFY_LOG);
    }

    void accept(Notification notification) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        OpenRecord record = find(notification);
        markPaid.setString(1, SUCCESS);
        markPaid.setString(2, notification.transactionId());
        markPaid.setString(3, notification.timeEnd());
        markPaid.setString(4, notification.xml());
        markPaid.setTimestamp(5, now);
        markPaid.setString(6, notification.outTradeNo());
        markPaid.setString(7, NOTPAY);
        markPaid.setLong(8, notification.totalFee());
        if (markPaid.executeUpdate() != 1) {
            throw new IllegalStateException("pay record %s was not NOTPAY any more".formatted(notification.outTradeNo()));
        }
        insertLog.setString(1, notification.outTradeNo());
        insertLog.setString(2, NOTPAY);
        insertLog.setString(3, SUCCESS);
        insertLog.setString(4, "WECHAT_NOTIFY");
        insertLog.setString(5, "transaction " + notification.transactionId());
        insertLog.setTimestamp(6, now);
        insertLog.executeUpdate();
        List<FloorOutbox.Row> messages = messages(record, notification, now.toInstant());
        FloorOutbox.bindInsert(appendOutbox, messages, now);
        appendOutbox.executeUpdate();
        insertVerdict(notification, now);
        db.commit();
        relay.accept(messages);
    }

    private record OpenRecord(String orderId, String token) {
    }

    private OpenRecord find(Notification notification) throws SQLException {
        find.setString(1, notification.outTradeNo());
        try (ResultSet row = find.executeQuery()) {
            if (!row.next() || !NOTPAY.equals(row.getString("status")) || !WECHAT.equals(row.getString("channel"))
                    || row.getLong("total_fee") != notification.totalFee()) {
                throw new IllegalStateException("no NOTPAY WeChat record of %d fen for %s: the floor seeded one"
                        .formatted(notification.totalFee(), notification.outTradeNo()));
            }
            return new OpenRecord(row.getString("order_id"), row.getString("token"));
        }
    }

    /** As PaymentConfirmations writes them: the result's id is derived from the record, the push's is random. */
    private static List<FloorOutbox.Row> messages(OpenRecord record, Notification notification, Instant now) {
        String resultId = "pr-" + notification.outTradeNo();
        String notifyId = "pn-" + UUID.randomUUID();
        FloorMessages.PayResult result = new FloorMessages.PayResult(resultId, FloorMessages.PAY_RESULT, now, record.orderId(),
                notification.outTradeNo(), notification.transactionId(), notification.totalFee(), notification.paidAt());
        FloorMessages.PayNotify push = new FloorMessages.PayNotify(notifyId, FloorMessages.PAY_NOTIFY, now, record.token(), SUCCESS);
        return List.of(
                new FloorOutbox.Row(resultId, FloorMessages.PAY_RESULT, FloorTopology.PAY_EXCHANGE,
                        FloorTopology.PAY_RESULT_ROUTING_KEY, FloorMessages.json(result)),
                new FloorOutbox.Row(notifyId, FloorMessages.PAY_NOTIFY, FloorTopology.NOTIFY_EXCHANGE, record.token(),
                        FloorMessages.json(push)));
    }

    /** NotifyLog's row for an accepted notification, in the payment's transaction as recordWithin writes it. */
    private void insertVerdict(Notification notification, Timestamp now) throws SQLException {
        insertNotifyLog.setTimestamp(1, now);
        insertNotifyLog.setString(2, WECHAT);
        insertNotifyLog.setString(3, "PAYMENT");
        insertNotifyLog.setString(4, "ACCEPTED");
        insertNotifyLog.setString(5, "ok");
        insertNotifyLog.setString(6, null);
        insertNotifyLog.setString(7, notification.outTradeNo());
        insertNotifyLog.setString(8, null);
        insertNotifyLog.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
