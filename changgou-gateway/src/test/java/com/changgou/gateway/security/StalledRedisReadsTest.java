package com.changgou.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replays what Lettuce's back-pressure race leaves behind (see {@link StalledRedisReads}): the
 * gateway's connection to the real Redis stops reading while a signed-in shopper's next request needs
 * its session. Without the watch, the session read waits out its command timeout, so does the retry, and
 * the shopper gets a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class StalledRedisReadsTest {

    private static final StubServices SERVICES = new StubServices();
    private static final TestRedisKeys REDIS_KEYS = new TestRedisKeys();

    @LocalServerPort
    private int port;

    @Autowired
    private StalledRedisReads.Watch watch;

    @Autowired
    private MeterRegistry meters;

    @Value("${spring.data.redis.timeout}")
    private Duration commandTimeout;

    @DynamicPropertySource
    static void servicesAndRedis(DynamicPropertyRegistry registry) {
        for (String service : new String[]{"changgou-service-user", "changgou-web-order"}) {
            registry.add("spring.cloud.discovery.client.simple.instances.%s[0].uri".formatted(service), SERVICES::uri);
        }
        REDIS_KEYS.register(registry);
        GatewaySecrets.register(registry);
    }

    @AfterAll
    static void cleanUp(@Autowired ReactiveStringRedisTemplate redis) {
        REDIS_KEYS.removeAll(redis);
        SERVICES.close();
    }

    @Test
    void aConnectionLeftNotReadingReadsAgainBeforeTheShoppersSessionReadTimesOut() {
        Visitor shopper = new Visitor(port);
        shopper.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);
        assertThat(watch.connections()).as("the gateway's Redis connections").isNotEmpty();
        double resumedBefore = resumed();

        watch.connections().forEach(StalledRedisReadsTest::stopReading);
        long started = System.nanoTime();
        HttpResponse<String> shop = shopper.get("/api/worder/shop");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(shop.statusCode()).isEqualTo(200);
        assertThat(shop.body()).contains("user=alice");
        assertThat(took).as("no session command waited out its timeout").isLessThan(commandTimeout);
        assertThat(resumed()).isGreaterThan(resumedBefore);
        assertThat(watch.connections()).allSatisfy(connection -> assertThat(connection.config().isAutoRead()).isTrue());
    }

    /** As Lettuce's I/O thread does when the race catches it: on the connection's own event loop. */
    private static void stopReading(Channel connection) {
        connection.eventLoop().submit(() -> connection.config().setAutoRead(false)).syncUninterruptibly();
    }

    private double resumed() {
        return meters.counter("changgou.redis.reads.resumed").count();
    }
}
