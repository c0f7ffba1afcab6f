package com.changgou.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Where the paid orders are on their way, sampled once a second during the throughput window:
 * notifications the sandbox still has to POST, pay outbox rows not yet confirmed by the broker,
 * messages waiting in (or being handled from) the order service's queue, and orders PAID. The
 * stage whose backlog grows is the one that limits the throughput. A value that could not be read
 * is -1.
 */
final class Pipeline implements AutoCloseable {

    record Sample(double seconds, long sandboxPending, long outboxNew, long queued, long consumers, long paid) {
    }

    private static final String QUEUE = "order.pay.result";

    private final Suite suite;
    private final LongSupplier paid;
    private final Connection connection;
    private final PreparedStatement outboxNew;
    private final List<Sample> samples = new ArrayList<>();

    Pipeline(Suite suite, LongSupplier paid) {
        this.suite = suite;
        this.paid = paid;
        try {
            connection = DriverManager.getConnection(suite.jdbcUrl(), suite.dbUser(), suite.dbPassword());
            outboxNew = connection.prepareStatement("SELECT COUNT(*) FROM `%s`.mq_message WHERE state = 'NEW'"
                    .formatted(suite.paySchema().replace("`", "")));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the pay schema %s: %s".formatted(suite.paySchema(), e.getMessage()), e);
        }
    }

    /** Takes one sample; called from one scheduler thread. */
    void sample(long startNanos) {
        JsonNode queue = json(Http.request(suite.rabbitManagement().resolve("/api/queues/%s/%s".formatted(
                URLEncoder.encode(suite.rabbitVhost(), StandardCharsets.UTF_8), QUEUE)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (suite.rabbitUser() + ":" + suite.rabbitPassword()).getBytes(StandardCharsets.UTF_8))));
        JsonNode stats = json(Http.request(suite.sandbox().resolve("/sandbox/api/stats")));
        Sample sample = new Sample((System.nanoTime() - startNanos) / 1e9,
                stats == null ? -1 : stats.path("pendingNotifications").asLong(-1), outboxNew(),
                queue == null ? -1 : queue.path("messages").asLong(-1),
                queue == null ? -1 : queue.path("consumers").asLong(-1), paid.getAsLong());
        synchronized (samples) {
            samples.add(sample);
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private long outboxNew() {
        try (ResultSet rs = outboxNew.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static JsonNode json(java.net.http.HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = Http.send(request.timeout(java.time.Duration.ofSeconds(2)).GET().build())
                    .get(3, TimeUnit.SECONDS);
            return response.statusCode() == 200 ? Http.JSON.readTree(response.body()) : null;
        } catch (Exception e) {
            // a missing sample is shown as -1, it must not stop the measurement
            return null;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
