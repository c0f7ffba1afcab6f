package com.changgou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the running suite is, read from the same environment variables as {@code ./changgou}
 * (defaults: its standard ports on 127.0.0.1). The bench starts nothing: {@link #requireUp} fails
 * with a plain message when an app is not answering.
 */
record Suite(URI gateway, URI gatewayManagement, URI sandbox, URI webStomp, String webStompUser, String webStompPassword,
             String dbServer, String orderSchema, String dbUser, String dbPassword, URI amqp, URI rabbitManagement,
             String rabbitUser, String rabbitPassword, String rabbitVhost, Path runDir, String paySchema) {

    static Suite fromEnvironment(Map<String, String> env, Path root) {
        String gatewayPort = env.getOrDefault("GATEWAY_PORT", "8080");
        String sandboxPort = env.getOrDefault("SANDBOX_PORT", "9090");
        String dbHost = env.getOrDefault("DB_HOST", "127.0.0.1");
        String rabbitHost = env.getOrDefault("RABBIT_HOST", "127.0.0.1");
        String rabbitUser = env.getOrDefault("RABBIT_USER", "guest");
        String rabbitPassword = env.getOrDefault("RABBIT_PASSWORD", "guest");
        return new Suite(
                URI.create("http://127.0.0.1:" + gatewayPort),
                // the gateway's actuator answers on its management port only, never on the public one
                URI.create("http://127.0.0.1:" + env.getOrDefault("GATEWAY_MANAGEMENT_PORT", "8081")),
                URI.create("http://127.0.0.1:" + sandboxPort),
                pushUrl(env, gatewayPort),
                env.getOrDefault("WEBSTOMP_USER", "webguest"),
                env.getOrDefault("WEBSTOMP_PASSWORD", "webguest"),
                "jdbc:mysql://%s:%s".formatted(dbHost, env.getOrDefault("DB_PORT", "3306")),
                env.getOrDefault("ORDER_DB_NAME", "changgou_order"),
                env.getOrDefault("DB_USER", "root"),
                env.getOrDefault("DB_PASSWORD", ""),
                URI.create("amqp://%s:%s".formatted(rabbitHost, env.getOrDefault("RABBIT_PORT", "5672"))),
                URI.create(env.getOrDefault("RABBIT_MANAGEMENT_URL", "http://%s:15672".formatted(rabbitHost))),
                rabbitUser, rabbitPassword,
                env.getOrDefault("RABBIT_VHOST", "/"),
                Path.of(env.getOrDefault("CHANGGOU_RUN_DIR", root.resolve(".run").toString())),
                env.getOrDefault("PAY_DB_NAME", "changgou_pay"));
    }

    /**
     * Where the wxpay pages' push goes: as the shop's pages do, through the gateway's public port
     * ({@code /api/wxpay/push}, proxied to the broker's Web STOMP for signed-in shoppers only), unless
     * {@code WEBSTOMP_URL} names another place, as it does for the pages.
     */
    private static URI pushUrl(Map<String, String> env, String gatewayPort) {
        String configured = env.getOrDefault("WEBSTOMP_URL", "");
        return URI.create(configured.isBlank() ? "ws://127.0.0.1:%s/api/wxpay/push".formatted(gatewayPort) : configured.strip());
    }

    /** The order schema, where the bench counts its orders PAID. */
    String jdbcUrl() {
        return "%s/%s?serverTimezone=UTC".formatted(dbServer, orderSchema);
    }

    /** Fails unless the gateway and the sandbox answer their health checks. */
    void requireUp() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (URI app : new URI[] {gatewayManagement, sandbox}) {
            URI health = app.resolve("/actuator/health");
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"UP\"")) {
                    throw new SuiteNotUp("%s answered %d %s".formatted(health, response.statusCode(), response.body()));
                }
            } catch (java.io.IOException e) {
                throw new SuiteNotUp("nothing answers at %s (%s)".formatted(health, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteNotUp("interrupted");
            }
        }
    }

    /** The suite is not running where the environment says. */
    static final class SuiteNotUp extends RuntimeException {
        SuiteNotUp(String reason) {
            super("the suite is not up: " + reason + ". Start it with ./changgou up (the bench starts nothing itself)");
        }
    }
}
