package com.changgou.bench;

import com.changgou.testkit.WeChatNotification;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The floor's two schemas, one for pay and one for order, named after the run: made by the services'
 * own migrations, seeded with unpaid orders and their NOTPAY WeChat pay records, audited once the run is
 * over, and dropped.
 */
final class FloorSchemas {

    /** What the schemas hold after a run; complete when every order was paid once and every message sent. */
    record Audit(long paidOrders, long paidLogRows, long ordersWithPaidLog, long paidRecords, long payLogRows,
                 long notifyLogRows, long payOutboxRows, long payOutboxSent, long orderOutboxRows, long orderOutboxSent) {

        boolean complete(int orders) {
            return paidOrders == orders && paidLogRows == orders && ordersWithPaidLog == orders && paidRecords == orders
                    && payLogRows == orders && notifyLogRows == orders
                    && payOutboxRows == 2L * orders && payOutboxSent == payOutboxRows
                    && orderOutboxRows == orders && orderOutboxSent == orderOutboxRows;
        }
    }

    /**
     * The pay and order services' URL parameters and Connector/J settings (their application.yml), so
     * the driver does the same work for the floor as for them.
     */
    private static final String SERVICE_SETTINGS = "useUnicode=true&characterEncoding=utf8&serverTimezone=UTC"
            + "&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&cacheResultSetMetadata=true"
            + "&cacheServerConfiguration=true&useLocalSessionState=true&maintainTimeStats=false&openTelemetry=DISABLED";
    /** Snowflake-sized ids, as the order service makes them. */
    private static final long FIRST_ORDER_ID = 1_800_000_000_000_000_000L;
    private static final long FEE = 1;
    private static final int SEED_BATCH = 500;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WECHAT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Suite suite;
    private final String pay;
    private final String order;

    /** {@code prefix}: letters, digits and underscores only (it names schemas). */
    FloorSchemas(Suite suite, String prefix) {
        if (!prefix.matches("\\w+")) {
            throw new IllegalArgumentException("not a schema name: " + prefix);
        }
        this.suite = suite;
        this.pay = prefix + "_pay";
        this.order = prefix + "_order";
    }

    /** A connection to the pay schema as the pay service has them, not in auto-commit. */
    Connection pay() throws SQLException {
        return transactional(pay);
    }

    /** A connection to the order schema as the order service has them, not in auto-commit. */
    Connection order() throws SQLException {
        return transactional(order);
    }

    private Connection transactional(String schema) throws SQLException {
        Connection connection = connect(schema, SERVICE_SETTINGS);
        connection.setAutoCommit(false);
        return connection;
    }

    /** A database that does not answer fails the run within seconds, as the services' pools do. */
    private Connection connect(String schema, String parameters) throws SQLException {
        return DriverManager.getConnection("%s/%s?%s&connectTimeout=5000".formatted(suite.dbServer(), schema, parameters),
                suite.dbUser(), suite.dbPassword());
    }

    /** Creates both schemas as {@code ./changgou} does, and runs each service's migrations in its own. */
    void create(Migrations payMigrations, Migrations orderMigrations) throws SQLException {
        try (Connection server = connect("", "serverTimezone=UTC"); Statement statement = server.createStatement()) {
            for (String schema : List.of(pay, order)) {
                statement.execute("CREATE DATABASE `%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci".formatted(schema));
            }
        }
        try (Connection payDb = connect(pay, "serverTimezone=UTC&allowMultiQueries=true");
             Connection orderDb = connect(order, "serverTimezone=UTC&allowMultiQueries=true")) {
            payMigrations.applyTo(payDb);
            orderMigrations.applyTo(orderDb);
        }
    }

    /**
     * {@code orders} unpaid one-sticker orders spread over {@code shoppers} names, each with the NOTPAY
     * record of its started WeChat payment; returns the signed notification WeChat will send for each.
     */
    List<FloorPayTransaction.Notification> seed(int orders, int shoppers, WeChatNotification wechat) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Timestamp expires = Timestamp.from(now.toInstant().plus(Duration.ofHours(2)));
        List<FloorPayTransaction.Notification> notifications = new ArrayList<>(orders);
        try (Connection orderDb = connect(order, "serverTimezone=UTC&rewriteBatchedStatements=true");
             Connection payDb = connect(pay, "serverTimezone=UTC&rewriteBatchedStatements=true");
             PreparedStatement unpaid = orderDb.prepareStatement("""
                     INSERT INTO tb_order (id, username, total_num, total_money, pay_money, pay_type, order_status, pay_status,
                                           create_time, update_time, expire_time, business_type)
                     VALUES (?, ?, 1, ?, ?, '1', '0', '0', ?, ?, ?, 'GOODS')""");
             PreparedStatement notPaid = payDb.prepareStatement("""
                     INSERT INTO pay_record (out_trade_no, order_id, channel, username, total_fee, status, code_url, prepay_id,
                                             token, time_expire, create_time, update_time, next_query_at, query_attempts)
                     VALUES (?, ?, 'WECHAT', ?, ?, 'NOTPAY', ?, ?, ?, ?, ?, ?, ?, 0)""")) {
            for (int i = 0; i < orders; i++) {
                String id = Long.toString(FIRST_ORDER_ID + i);
                String username = "bench-floor-" + (i % shoppers);
                addUnpaidOrder(unpaid, id, username, now, expires);
                addOpenPayRecord(notPaid, id, username, now, expires);
                notifications.add(notification(wechat.paidFields(id, FEE)));
                if ((i + 1) % SEED_BATCH == 0 || i == orders - 1) {
                    unpaid.executeBatch();
                    notPaid.executeBatch();
                }
            }
        }
        return notifications;
    }

    private static void addUnpaidOrder(PreparedStatement unpaid, String id, String username, Timestamp now, Timestamp expires)
            throws SQLException {
        unpaid.setString(1, id);
        unpaid.setString(2, username);
        unpaid.setLong(3, FEE);
        unpaid.setLong(4, FEE);
        unpaid.setTimestamp(5, now);
        unpaid.setTimestamp(6, now);
        unpaid.setTimestamp(7, expires);
        unpaid.addBatch();
    }

    /** The record of a started Native payment: out_trade_no is the order id, as for an order's first payment. */
    private static void addOpenPayRecord(PreparedStatement notPaid, String id, String username, Timestamp now,
                                         Timestamp expires) throws SQLException {
        notPaid.setString(1, id);
        notPaid.setString(2, id);
        notPaid.setString(3, username);
        notPaid.setLong(4, FEE);
        notPaid.setString(5, "weixin://wxpay/bizpayurl?pr=" + random(5));
        notPaid.setString(6, "wx" + random(22));
        notPaid.setString(7, random(16));
        notPaid.setTimestamp(8, expires);
        notPaid.setTimestamp(9, now);
        notPaid.setTimestamp(10, now);
        notPaid.setTimestamp(11, now);
        notPaid.addBatch();
    }

    private static FloorPayTransaction.Notification notification(Map<String, String> fields) {
        String timeEnd = fields.get("time_end");
        return new FloorPayTransaction.Notification(fields.get("out_trade_no"), fields.get("transaction_id"),
                Long.parseLong(fields.get("total_fee")), timeEnd,
                LocalDateTime.parse(timeEnd, WECHAT_TIME).atZone(BEIJING).toInstant(), WeChatNotification.xml(fields));
    }

    /** {@code bytes} random bytes, url-safe: the shape of the pay service's tokens and WeChat's ids. */
    private static String random(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Outbox rows of both schemas not yet confirmed by the broker. */
    long unsentMessages() throws SQLException {
        return count("SELECT (SELECT COUNT(*) FROM `%s`.mq_message WHERE state = 'NEW') + (SELECT COUNT(*) FROM `%s`.mq_message WHERE state = 'NEW')"
                .formatted(pay, order))[0];
    }

    Audit audit() throws SQLException {
        long[] paidLog = count("SELECT COUNT(*), COUNT(DISTINCT order_id) FROM `%s`.tb_order_log WHERE to_status = '1'".formatted(order));
        long[] payOutbox = count("SELECT COUNT(*), COALESCE(SUM(state = 'SENT'), 0) FROM `%s`.mq_message".formatted(pay));
        long[] orderOutbox = count("SELECT COUNT(*), COALESCE(SUM(state = 'SENT'), 0) FROM `%s`.mq_message".formatted(order));
        return new Audit(count("SELECT COUNT(*) FROM `%s`.tb_order WHERE order_status = '1'".formatted(order))[0],
                paidLog[0], paidLog[1],
                count("SELECT COUNT(*) FROM `%s`.pay_record WHERE status = 'SUCCESS'".formatted(pay))[0],
                count("SELECT COUNT(*) FROM `%s`.pay_log WHERE to_status = 'SUCCESS'".formatted(pay))[0],
                count("SELECT COUNT(*) FROM `%s`.notify_log WHERE verdict = 'ACCEPTED'".formatted(pay))[0],
                payOutbox[0], payOutbox[1], orderOutbox[0], orderOutbox[1]);
    }

    private long[] count(String sql) throws SQLException {
        try (Connection server = connect("", "serverTimezone=UTC"); Statement statement = server.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            long[] counts = new long[row.getMetaData().getColumnCount()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = row.getLong(i + 1);
            }
            return counts;
        }
    }

    void drop() throws SQLException {
        try (Connection server = connect("", "serverTimezone=UTC"); Statement statement = server.createStatement()) {
            for (String schema : List.of(pay, order)) {
                statement.execute("DROP DATABASE IF EXISTS `%s`".formatted(schema));
            }
        }
    }
}
