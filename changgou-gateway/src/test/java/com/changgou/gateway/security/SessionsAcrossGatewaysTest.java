package com.changgou.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.gateway.GatewayApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Two gateways on one Redis: a shopper signed in at one is signed in at the other, as behind a load
 * balancer, and the session's token for the services travels with the session. (That a session outlives its gateway's restart is shown against the started suite, in
 * changgou-e2e: two contexts in one JVM share Reactor Netty's event loops, so one cannot stop alone.)
 */
class SessionsAcrossGatewaysTest {

    private static final StubServices SERVICES = new StubServices();
    private static final TestRedisKeys REDIS_KEYS = new TestRedisKeys();

    @Test
    void aSessionMadeAtOneGatewayWorksAtAnother() {
        ConfigurableApplicationContext first = gateway();
        ConfigurableApplicationContext second = gateway();
        try {
            Visitor atFirst = new Visitor(port(first));
            atFirst.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);

            String tokenAtFirst = bearer(atFirst.get("/api/worder/shop").body());

            Visitor atSecond = new Visitor(port(second));
            atSecond.useSession(atFirst.session());
            String atSecondShop = atSecond.get("/api/worder/shop").body();
            assertThat(atSecondShop).contains("user=alice");
            // the session's token lives in Redis with the session: the second gateway signs nothing new
            assertThat(bearer(atSecondShop)).isEqualTo(tokenAtFirst);
            Visitor stranger = new Visitor(port(second));
            assertThat(stranger.get("/api/worder/shop").statusCode()).isEqualTo(401);
        } finally {
            first.close();
            cleanRedis(second);
            second.close();
        }
    }

    private static ConfigurableApplicationContext gateway() {
        String services = SERVICES.uri();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                // two gateways in one JVM: each needs an actuator port of its own
                "--management.server.port=0",
                "--eureka.client.enabled=false",
                "--spring.cloud.discovery.client.simple.instances.changgou-service-user[0].uri=" + services,
                "--spring.cloud.discovery.client.simple.instances.changgou-web-order[0].uri=" + services));
        arguments.addAll(REDIS_KEYS.arguments());
        arguments.addAll(GatewaySecrets.arguments());
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }

    private static String bearer(String echoed) {
        Matcher bearer = Pattern.compile("authorization=Bearer ([^;]+);").matcher(echoed);
        assertThat(bearer.find()).as("a bearer token in " + echoed).isTrue();
        return bearer.group(1);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void cleanRedis(ConfigurableApplicationContext context) {
        ReactiveStringRedisTemplate redis = context.getBean(ReactiveStringRedisTemplate.class);
        REDIS_KEYS.removeAll(redis);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.close();
    }
}
