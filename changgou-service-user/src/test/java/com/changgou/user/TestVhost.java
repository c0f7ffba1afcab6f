package com.changgou.user;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A RabbitMQ virtual host of one test class, made and removed through the management HTTP API, so
 * the test's queues never meet the suite's or another engineer's on the shared broker.
 */
public final class TestVhost {

    private static final String API = System.getenv().getOrDefault("RABBIT_MANAGEMENT_URL", "http://127.0.0.1:15672");
    private static final String USER = System.getenv().getOrDefault("RABBIT_USER", "guest");
    private static final String PASSWORD = System.getenv().getOrDefault("RABBIT_PASSWORD", "guest");

    // HTTP/1.1: the broker's web server drops the h2c upgrade that HttpClient tries by default
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String name = "changgou-user-test-" + UUID.randomUUID().toString().substring(0, 8);

    public String name() {
        return name;
    }

    /**
     * Creates the vhost, lets the test user do anything in it (waiting for the management plugin to
     * answer), and declares the order service's {@code order.events} fanout, as
     * {@code scripts/rabbitmq-exchanges.sh} does before the user service starts.
     */
    public void create() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> call("PUT", "/api/vhosts/" + encoded(), "{}") / 100 == 2);
        require(call("PUT", "/api/permissions/%s/%s".formatted(encoded(), USER),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"), "grant " + USER);
        require(call("PUT", "/api/exchanges/%s/order.events".formatted(encoded()),
                "{\"type\":\"fanout\",\"durable\":true,\"auto_delete\":false}"), "declare order.events");
    }

    /** The vhost and the administrator's credentials: the tests publish in the order service's place too. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.virtual-host", this::name);
        registry.add("spring.rabbitmq.username", () -> USER);
        registry.add("spring.rabbitmq.password", () -> PASSWORD);
    }

    public void delete() throws Exception {
        call("DELETE", "/api/vhosts/" + encoded(), null);
    }

    private void require(int status, String what) {
        if (status / 100 != 2) {
            throw new IllegalStateException("could not %s on vhost %s: HTTP %d".formatted(what, name, status));
        }
    }

    private String encoded() {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private int call(String method, String path, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
