package com.changgou.user.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * A vhost of one test class on the machine's RabbitMQ with {@code scripts/rabbitmq-exchanges.sh} and
 * {@code scripts/rabbitmq-users.sh} applied for throw-away users of unique names. {@link #delete()}
 * removes the users and the vhost, whatever got made before a failure.
 */
final class ScriptedBroker {

    private static final String API = env("RABBIT_MANAGEMENT_URL", "http://127.0.0.1:15672");
    private static final String HOST = env("RABBIT_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("RABBIT_PORT", "5672"));
    static final Credentials ADMIN = new Credentials(env("RABBIT_USER", "guest"), env("RABBIT_PASSWORD", "guest"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String vhost = "changgou-user-permissions-test-" + suffix;
    final Credentials pay = Credentials.random("changgou-pay-test-" + suffix);
    final Credentials order = Credentials.random("changgou-order-test-" + suffix);
    final Credentials user = Credentials.random("changgou-user-test-" + suffix);
    private final List<Connection> connections = new ArrayList<>();

    record Credentials(String user, String password) {
        static Credentials random(String user) {
            return new Credentials(user, UUID.randomUUID().toString());
        }
    }

    /** Creates the vhost and lets the administrator do anything in it (the suite's scripts assume as much). */
    void create() throws Exception {
        management("PUT", "/api/vhosts/" + enc(vhost), "{}");
        management("PUT", "/api/permissions/%s/%s".formatted(enc(vhost), enc(ADMIN.user())),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    }

    /** Runs the scripts for this vhost and its users, through the management API (as from a container). */
    void applyScripts() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("RABBIT_VIA", "api");
        env.put("RABBIT_VHOST", vhost);
        env.put("RABBIT_MANAGEMENT_URL", API);
        env.put("RABBIT_USER", ADMIN.user());
        env.put("RABBIT_PASSWORD", ADMIN.password());
        env.put("PAY_RABBIT_USER", pay.user());
        env.put("PAY_RABBIT_PASSWORD", pay.password());
        env.put("ORDER_RABBIT_USER", order.user());
        env.put("ORDER_RABBIT_PASSWORD", order.password());
        env.put("USER_RABBIT_USER", user.user());
        env.put("USER_RABBIT_PASSWORD", user.password());
        run("rabbitmq-exchanges.sh", env);
        run("rabbitmq-users.sh", env);
    }

    private static void run(String script, Map<String, String> env) throws Exception {
        Path path = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts").resolve(script);
        assertThat(path).exists();
        ProcessBuilder builder = new ProcessBuilder("bash", path.toString()).redirectErrorStream(true);
        // nothing from the developer's shell decides which broker, vhost or user the script touches
        builder.environment().keySet().removeIf(name -> name.contains("RABBIT") || name.startsWith("WEBSTOMP_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", script).isTrue();
        assertThat(process.exitValue()).as("%s: %s", script, output).isZero();
    }

    /** An AMQP connection to this vhost, closed by {@link #delete()}. */
    Connection connect(Credentials credentials) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setVirtualHost(vhost);
        factory.setUsername(credentials.user());
        factory.setPassword(credentials.password());
        factory.setConnectionTimeout(5_000);
        Connection connection = factory.newConnection("permissions-test-" + credentials.user());
        connections.add(connection);
        return connection;
    }

    /** A Spring connection factory for this vhost; the caller destroys it. */
    CachingConnectionFactory springConnectionFactory(Credentials credentials) {
        CachingConnectionFactory factory = new CachingConnectionFactory(HOST, PORT);
        factory.setVirtualHost(vhost);
        factory.setUsername(credentials.user());
        factory.setPassword(credentials.password());
        return factory;
    }

    /** The body of a management API GET under this vhost's path, e.g. {@code /api/queues/%s/user.order-events}. */
    String get(String pathWithVhost) throws Exception {
        return management("GET", pathWithVhost.formatted(enc(vhost)), null);
    }

    /** Closes this test's connections, then removes its users and vhost; tries every step, reports the first failure. */
    void delete() throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (Connection connection : connections) {
            try {
                if (connection.isOpen()) {
                    connection.close();
                }
            } catch (Exception e) {
                failures.add(e);
            }
        }
        for (Credentials each : List.of(pay, order, user)) {
            attempt(failures, "/api/users/" + enc(each.user()));
        }
        attempt(failures, "/api/vhosts/" + enc(vhost));
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private void attempt(List<Exception> failures, String path) {
        try {
            int status = send("DELETE", path, null).statusCode();
            if (status / 100 != 2 && status != 404) {
                failures.add(new IllegalStateException("DELETE %s answered %d".formatted(path, status)));
            }
        } catch (Exception e) {
            failures.add(e);
        }
    }

    private String management(String method, String path, String json) throws Exception {
        HttpResponse<String> response = send(method, path, json);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        String auth = ADMIN.user() + ":" + ADMIN.password();
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
