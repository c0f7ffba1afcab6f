package com.changgou.pay.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test run's own MariaDB schema and RabbitMQ vhost on the machine's shared servers, made
 * once per JVM and removed when the run ends (after the Spring context using them is closed).
 */
public final class TestInfra {

    static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public static final String SCHEMA = "changgou_pay_test_" + SUFFIX;
    public static final String VHOST = "changgou-pay-test-" + SUFFIX;
    static final String DB_ROOT_URL = "jdbc:mysql://127.0.0.1:3306/?serverTimezone=UTC";
    static final String MANAGEMENT = "http://127.0.0.1:15672/api";
    /** The broker's administrator: these tests stand in for the order service and the browsers too. */
    public static final String RABBIT_USER = System.getenv().getOrDefault("RABBIT_USER", "guest");
    public static final String RABBIT_PASSWORD = System.getenv().getOrDefault("RABBIT_PASSWORD", "guest");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static volatile ConfigurableApplicationContext context;
    private static boolean created;

    private TestInfra() {
    }

    public static String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:3306/" + SCHEMA + "?createDatabaseIfNotExist=true&serverTimezone=UTC";
    }

    /** Creates the vhost (the schema is created by the JDBC URL) and arranges removal at exit. */
    public static synchronized void create() {
        if (created) {
            return;
        }
        management("PUT", "/vhosts/" + VHOST, "{}");
        management("PUT", "/permissions/" + VHOST + "/" + RABBIT_USER,
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        created = true;
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::destroy, "pay-test-infra-cleanup"));
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
        try (Connection c = DriverManager.getConnection(DB_ROOT_URL, "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + SCHEMA, e);
        }
        management("DELETE", "/vhosts/" + VHOST, null);
    }

    private static void management(String method, String path, String json) {
        String auth = Base64.getEncoder().encodeToString((RABBIT_USER + ":" + RABBIT_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
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
}
