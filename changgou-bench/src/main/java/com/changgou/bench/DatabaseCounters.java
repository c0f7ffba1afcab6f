package com.changgou.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB's own count of the statements it served ({@code Questions}), of the COMMITs among them
 * ({@code Com_commit}) and of the SET statements ({@code Com_set_option}, the drivers' and pools' session
 * settings), read at both ends of a timed window. Divided by the orders paid in it, they show what a change to
 * the services' database use did, and, unlike CPU seconds, they do not move with the machine's speed.
 *
 * <p>The counters are global: they count every client of the server, not only the services. The bench's own
 * queries are in them (the throughput run's COUNT of paid orders, one statement per 100 ms, and its pipeline's
 * outbox sample, one a second; the closing status query itself), and so is whatever the suite's apps run in the
 * background in either window (their schedulers, their pools' connection checks). So, as for the CPU figures,
 * the bench must run on a machine with no other database load.
 *
 * <p>A server that cannot be reached, or a user who may not read the status, makes the counts unknown, and
 * the report says so; it never fails the bench. One connection, opened before the window, so that reading the
 * counters at its ends costs one statement each.
 */
final class DatabaseCounters implements AutoCloseable {

    /**
     * The three counters, or their difference over a window; {@link #UNKNOWN} where they could not be read.
     * {@code statements}: {@code Questions}; {@code commits}: {@code Com_commit}; {@code sessionSets}:
     * {@code Com_set_option}.
     */
    record Counts(long statements, long commits, long sessionSets) {

        static final Counts UNKNOWN = new Counts(-1, -1, -1);

        boolean known() {
            return statements >= 0 && commits >= 0 && sessionSets >= 0;
        }

        /**
         * What the server counted from {@code before} to these; unknown if either end is, or if a counter went
         * back (the server restarted, or its status was flushed, within the window).
         */
        Counts since(Counts before) {
            if (!known() || !before.known()) {
                return UNKNOWN;
            }
            Counts delta = new Counts(statements - before.statements, commits - before.commits, sessionSets - before.sessionSets);
            return delta.known() ? delta : UNKNOWN;
        }

        /** {@code count} per paid order; NaN when the counts are unknown. */
        double perOrder(long count, long orders) {
            return known() ? (double) count / Math.max(1, orders) : Double.NaN;
        }

        double statementsPerOrder(long orders) {
            return perOrder(statements, orders);
        }

        double commitsPerOrder(long orders) {
            return perOrder(commits, orders);
        }

        double sessionSetsPerOrder(long orders) {
            return perOrder(sessionSets, orders);
        }

        /** The runs' log line. */
        String describe(long orders) {
            if (!known()) {
                return "MariaDB's statement counters could not be read";
            }
            return String.format(Locale.ROOT, "MariaDB served %.2f statements per paid order (%.2f commits, %.2f session SETs)",
                    statementsPerOrder(orders), commitsPerOrder(orders), sessionSetsPerOrder(orders));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseCounters.class);
    private static final String QUESTIONS = "Questions";
    private static final String COMMITS = "Com_commit";
    private static final String SESSION_SETS = "Com_set_option";
    private static final String QUERY = "SHOW GLOBAL STATUS WHERE Variable_name IN ('%s', '%s', '%s')"
            .formatted(QUESTIONS, COMMITS, SESSION_SETS);

    /** Null when the server could not be reached: every snapshot is then unknown. */
    private final Connection connection;

    private DatabaseCounters(Connection connection) {
        this.connection = connection;
    }

    /** The counters of the suite's server; the counters are the server's, so no schema is named. */
    static DatabaseCounters open(Suite suite) {
        try {
            return new DatabaseCounters(DriverManager.getConnection(suite.dbServer() + "/?serverTimezone=UTC&connectTimeout=5000",
                    suite.dbUser(), suite.dbPassword()));
        } catch (SQLException e) {
            log.warn("  MariaDB's statement counters could not be read: {}", firstLine(e));
            return new DatabaseCounters(null);
        }
    }

    /** The counters now, or {@link Counts#UNKNOWN}. */
    Counts snapshot() {
        if (connection == null) {
            return Counts.UNKNOWN;
        }
        Map<String, Long> values = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            while (rs.next()) {
                values.put(rs.getString(1), Long.parseLong(rs.getString(2).strip()));
            }
        } catch (SQLException | NumberFormatException e) {
            log.warn("  MariaDB's statement counters could not be read: {}", firstLine(e));
            return Counts.UNKNOWN;
        }
        return counts(values);
    }

    /** The three counters from the status rows by name (the server's case may differ); unknown if one is missing. */
    static Counts counts(Map<String, Long> status) {
        Map<String, Long> byName = new HashMap<>();
        status.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), value));
        Long statements = byName.get(QUESTIONS.toLowerCase(Locale.ROOT));
        Long commits = byName.get(COMMITS.toLowerCase(Locale.ROOT));
        Long sessionSets = byName.get(SESSION_SETS.toLowerCase(Locale.ROOT));
        if (statements == null || commits == null || sessionSets == null) {
            return Counts.UNKNOWN;
        }
        return new Counts(statements, commits, sessionSets);
    }

    /** The driver's messages run over several lines; the first says what went wrong. */
    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
