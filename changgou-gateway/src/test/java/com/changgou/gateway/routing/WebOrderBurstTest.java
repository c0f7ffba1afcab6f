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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A burst of shoppers at once goes through the web-order route: the circuit breaker's bulkhead is
 * sized on purpose (GATEWAY_WEB_ORDER_MAX_IN_FLIGHT), not left at Resilience4j's 25 calls in flight,
 * which answered every call beyond the 25th with a 503 in the benchmark's order burst.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class WebOrderBurstTest {

    private static final int SHOPPERS = 60;
    private static final StubServices SERVICES = new StubServices();
    private static final BusyWebOrder WEB_ORDER = new BusyWebOrder();
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
    void sixtyPagesAtOnceAllReachWebOrder() {
        Visitor shopper = new Visitor(port);
        shopper.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);
        ExecutorService browsers = Executors.newFixedThreadPool(SHOPPERS);
        try {
            List<CompletableFuture<Integer>> pages = IntStream.range(0, SHOPPERS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> shopper.get("/api/worder/shop").statusCode(), browsers))
                    .toList();
            List<Integer> statuses = pages.stream().map(CompletableFuture::join).toList();

            assertThat(WEB_ORDER.mostAtOnce.get()).as("the burst really was in flight at once").isGreaterThan(25);
            assertThat(statuses).as("no page refused by the gateway").containsOnly(200);
        } finally {
            browsers.shutdownNow();
        }
    }

    /** web-order holding each page until the whole burst has arrived (or five seconds have passed). */
    private static final class BusyWebOrder implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        BusyWebOrder() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), SHOPPERS);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the busy web-order", e);
            }
            server.setExecutor(threads);
            server.createContext("/", this::answer);
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void answer(HttpExchange exchange) throws IOException {
            int now = inFlight.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            long until = System.nanoTime() + 5_000_000_000L;
            synchronized (this) {
                notifyAll();
                while (inFlight.get() < SHOPPERS && System.nanoTime() < until) {
                    try {
                        wait(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            byte[] body = "shop".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            inFlight.decrementAndGet();
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
