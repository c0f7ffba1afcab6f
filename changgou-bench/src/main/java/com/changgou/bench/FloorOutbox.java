package com.changgou.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * The outbox table, mq_message, with the changgou-outbox module's statements (its OutboxMapper.xml):
 * a transaction's messages appended in one INSERT, leased to the writer's own relay and handed to it after
 * the commit; claimed with SKIP LOCKED and a lease only when a writer could not hand them over; marked SENT
 * once the broker confirmed them.
 */
final class FloorOutbox {

    /** A message as its row holds it: the id is the message id, the body its JSON. */
    record Row(String id, String type, String exchange, String routingKey, String body) {
    }

    static final String NEW = "NEW";
    /** changgou.outbox.lease, the suite's default: how long a handed-over or claimed row is hidden from claims. */
    static final Duration LEASE = Duration.ofSeconds(30);
    static final String SENT = "SENT";

    static final String LOCK_DUE = """
            SELECT id, type, exchange, routing_key, body, trace_parent FROM mq_message
            WHERE state = ? AND next_try_at <= ?
            ORDER BY next_try_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    private FloorOutbox() {
    }

    /** The INSERT of {@code rows} messages, to bind with {@link #bindInsert}. */
    static String insert(int rows) {
        return "INSERT INTO mq_message (id, type, exchange, routing_key, body, trace_parent, state, attempts, next_try_at, "
                + "created_at) VALUES " + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"));
    }

    /** Rows written at {@code now}, leased to the writer's relay: not due for a claim before the lease ends. */
    static void bindInsert(PreparedStatement insert, List<Row> rows, Timestamp now) throws SQLException {
        Timestamp leasedUntil = Timestamp.from(now.toInstant().plus(LEASE));
        int p = 1;
        for (Row row : rows) {
            insert.setString(p++, row.id());
            insert.setString(p++, row.type());
            insert.setString(p++, row.exchange());
            insert.setString(p++, row.routingKey());
            insert.setString(p++, row.body());
            // the suite's rows carry their writer's trace; the floor has none to carry
            insert.setNull(p++, Types.VARCHAR);
            insert.setString(p++, NEW);
            insert.setTimestamp(p++, leasedUntil);
            insert.setTimestamp(p++, now);
        }
    }

    /** Hides claimed rows from other relays until the lease runs out. */
    static String lease(int ids) {
        return "UPDATE mq_message SET next_try_at = ? WHERE id IN (" + placeholders(ids) + ")";
    }

    static String markSent(int ids) {
        return "UPDATE mq_message SET state = ?, sent_at = ?, attempts = attempts + 1 WHERE state = ? AND id IN ("
                + placeholders(ids) + ")";
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
