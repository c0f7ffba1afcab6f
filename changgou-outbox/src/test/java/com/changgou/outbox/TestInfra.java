package com.changgou.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test run's own MariaDB schema and RabbitMQ vhost on the machine's shared servers, made once
 * per JVM and removed when the run ends (after the Spring context using them is closed).
 */
final class TestInfra {

    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final String SCHEMA = "changgou_outbox_test_" + SUFFIX;
    static final String VHOST = "changgou-outbox-test-" + SUFFIX;
    private static final String DB_HOST = env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "3306");
    static final String DB_USER = env("DB_USER", "root");
    static final String DB_PASSWORD = env("DB_PASSWORD", "");
    private static final String MANAGEMENT = env("RABBIT_MANAGEMENT_URL", "http://127.0.0.1:15672") + "/api";
    /** The broker's administrator: the tests declare and read their own queues. */
    static final String RABBIT_USER = env("RABBIT_USER", "guest");
    static final String RABBIT_PASSWORD = env("RABBIT_PASSWORD", "guest");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile ConfigurableApplicationContext context;
    private static boolean created;

    private TestInfra() {
    }

    static String jdbcUrl() {
        return "jdbc:mysql://%s/%s?createDatabaseIfNotExist=true&serverTimezone=UTC".formatted(DB_HOST, SCHEMA);
    }

    /** Creates the vhost (the schema is created by the JDBC URL) and arranges removal at exit. */
    static synchronized void create() {
        if (created) {
            return;
        }
        management("PUT", "/vhosts/" + enc(VHOST), "{}");
        management("PUT", "/permissions/%s/%s".formatted(enc(VHOST), enc(RABBIT_USER)),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        created = true;
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::destroy, "outbox-test-infra-cleanup"));
    }

    static void remember(ConfigurableApplicationContext ctx) {
        context = ctx;
    }

    private static void destroy() {
        ConfigurableApplicationContext ctx = context;
        if (ctx != null && ctx.isActive()) {
            // Close it before its schema and vhost go, so no relay pass runs against nothing.
            ctx.close();
        }
        try (Connection c = DriverManager.getConnection("jdbc:mysql://%s/?serverTimezone=UTC".formatted(DB_HOST),
                DB_USER, DB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + SCHEMA + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + SCHEMA, e);
        }
        management("DELETE", "/vhosts/" + enc(VHOST), null);
    }

    private static void management(String method, String path, String json) {
        String auth = Base64.getEncoder().encodeToString((RABBIT_USER + ":" + RABBIT_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("%s %s answered %d: %s".formatted(method, path,
                        response.statusCode(), response.body()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("RabbitMQ management API unreachable at " + MANAGEMENT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
