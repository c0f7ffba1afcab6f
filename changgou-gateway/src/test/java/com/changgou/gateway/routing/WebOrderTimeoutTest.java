package com.changgou.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.gateway.security.GatewaySecrets;
import com.changgou.gateway.security.StubServices;
import com.changgou.gateway.security.TestRedisKeys;
import com.changgou.gateway.security.Visitor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web-order route against an upstream that takes as long as it is told to: an answer within
 * the response timeout passes, one beyond it is a 504 once the timeout is up, and after enough of
 * those the circuit breaker opens and answers 503 at once, with a plain message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
        "resilience4j.circuitbreaker.instances.web-order.sliding-window-size=3",
        "resilience4j.circuitbreaker.instances.web-order.minimum-number-of-calls=3",
        "resilience4j.circuitbreaker.instances.web-order.wait-duration-in-open-state=1m"})
class WebOrderTimeoutTest {

    private static final StubServices SERVICES = new StubServices();
    private static final SlowWebOrder WEB_ORDER = new SlowWebOrder();
    private static final TestRedisKeys REDIS_KEYS = new TestRedisKeys();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void servicesAndRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.changgou-service-user[0].uri", SERVICES::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.changgou-web-order[0].uri", WEB_ORDER::uri);
        REDIS_KEYS.register(registry);
        GatewaySecrets.register(registry);
    }

    @AfterAll
    static void cleanUp(@Autowired ReactiveStringRedisTemplate redis) {
        REDIS_KEYS.removeAll(redis);
        SERVICES.close();
        WEB_ORDER.close();
    }

    @Test
    void aSlowWebOrderIsA504AtTheTimeoutAndAFailingOneOpensTheBreakerToAPlain503() {
        Visitor shopper = new Visitor(port);
        shopper.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);

        // Slower than Resilience4j's default 1 s time limit, within the route's 2 s: it passes.
        Timed honest = Timed.get(shopper, "/api/worder/shop?ms=1300");
        assertThat(honest.response().statusCode()).isEqualTo(200);
        assertThat(honest.response().body()).isEqualTo("shop after 1300 ms");

        for (int i = 0; i < 2; i++) {
            Timed slow = Timed.get(shopper, "/api/worder/shop?ms=6000");
            assertThat(slow.response().statusCode()).isEqualTo(504);
            assertThat(slow.response().headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(slow.response().body()).isEqualTo("The shop did not answer in time. Please try again.");
            assertThat(slow.millis()).isBetween(2_000L, 4_000L);
        }

        Timed open = Timed.get(shopper, "/api/worder/shop?ms=0");
        assertThat(open.response().statusCode()).isEqualTo(503);
        assertThat(open.response().body()).isEqualTo("The shop is unavailable for a moment. Please try again shortly.");
        assertThat(open.millis()).isLessThan(1_000L);
        assertThat(WEB_ORDER.calls).as("an open breaker does not call web-order").isEqualTo(3);
    }

    @Test
    void theFallbackCannotBeAskedForDirectly() {
        Visitor shopper = new Visitor(port);
        shopper.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);

        assertThat(shopper.get(WebOrderFallback.PATH).statusCode()).isEqualTo(404);
    }

    private record Timed(HttpResponse<String> response, long millis) {
        static Timed get(Visitor visitor, String path) {
            long started = System.nanoTime();
            HttpResponse<String> response = visitor.get(path);
            return new Timed(response, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** web-order as slow as the {@code ms} query parameter says. */
    private static final class SlowWebOrder implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        volatile int calls;

        SlowWebOrder() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the slow web-order", e);
            }
            server.setExecutor(threads);
            server.createContext("/", this::answer);
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void answer(HttpExchange exchange) throws IOException {
            calls++;
            long millis = Long.parseLong(exchange.getRequestURI().getQuery().replace("ms=", ""));
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "shop after %d ms".formatted(millis).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
