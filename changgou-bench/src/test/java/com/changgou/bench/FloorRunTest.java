package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.testkit.WeChatNotification;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A small floor run against the machine's MariaDB and RabbitMQ (as the suite's, from the same environment
 * variables, by default 127.0.0.1 with root and guest), in schemas and a vhost of its own.
 */
class FloorRunTest {

    private static final int ORDERS = 50;

    private final Suite suite = Suite.fromEnvironment(System.getenv(), Path.of("..").toAbsolutePath().normalize());
    private final String runId = "t" + ThreadLocalRandom.current().nextInt(1_000_000);

    @Test
    void everyOrderIsPaidOnceWithOneLogRowAndEveryMessageIsConfirmed() throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("--orders", Integer.toString(ORDERS), "--concurrency", "8",
                "--shoppers", "5", "--settle-seconds", "20"));

        FloorRun.Result result = new FloorRun(suite, options, 8, Path.of("..").toAbsolutePath().normalize(),
                WeChatNotification.fromEnvironment(System.getenv())).run(runId);

        assertThat(result.paid()).isEqualTo(ORDERS);
        assertThat(result.ordersPerSecond()).isPositive();
        // the timed orders and the warm-up's before them
        int all = ORDERS + ThroughputRun.warmUp(ORDERS);
        assertThat(result.warmUp()).isEqualTo(5);
        FloorSchemas.Audit audit = result.audit();
        assertThat(audit.paidOrders()).isEqualTo(all);
        assertThat(audit.paidLogRows()).isEqualTo(all);
        assertThat(audit.ordersWithPaidLog()).isEqualTo(all);
        assertThat(audit.paidRecords()).isEqualTo(all);
        assertThat(audit.payLogRows()).isEqualTo(all);
        assertThat(audit.notifyLogRows()).isEqualTo(all);
        // the order's result and the page's push for each payment, order.paid for each order
        assertThat(audit.payOutboxRows()).isEqualTo(2 * all);
        assertThat(audit.payOutboxSent()).isEqualTo(2 * all);
        assertThat(audit.orderOutboxRows()).isEqualTo(all);
        assertThat(audit.orderOutboxSent()).isEqualTo(all);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void theRunLeavesNoSchemaAndNoVhostBehind() throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("--orders", "5", "--concurrency", "2", "--settle-seconds", "20"));

        new FloorRun(suite, options, 2, Path.of("..").toAbsolutePath().normalize(),
                WeChatNotification.fromEnvironment(System.getenv())).run(runId);

        try (Connection server = DriverManager.getConnection(suite.dbServer() + "/?serverTimezone=UTC", suite.dbUser(),
                suite.dbPassword());
             PreparedStatement schemas = server.prepareStatement(
                     "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?")) {
            schemas.setString(1, "bench\\_floor\\_" + runId + "\\_%");
            try (ResultSet count = schemas.executeQuery()) {
                count.next();
                assertThat(count.getInt(1)).isZero();
            }
        }
        HttpResponse<String> vhost = Http.send(Http.request(suite.rabbitManagement().resolve("/api/vhosts/bench-floor-" + runId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (suite.rabbitUser() + ":" + suite.rabbitPassword()).getBytes(StandardCharsets.UTF_8)))
                .GET().build()).join();
        assertThat(vhost.statusCode()).isEqualTo(404);
    }
}
