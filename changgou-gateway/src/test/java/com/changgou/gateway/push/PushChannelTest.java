package com.changgou.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.changgou.common.CsrfHeader;
import com.changgou.common.UserHeader;
import com.changgou.gateway.security.GatewaySecrets;
import com.changgou.gateway.security.StubServices;
import com.changgou.gateway.security.TestRedisKeys;
import com.changgou.gateway.security.Visitor;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The wxpay page's push channel through the door: the real routes of application.yml and Spring
 * Security, sessions in the machine's Redis (under a namespace of this run, removed afterwards),
 * and Web STOMP played by {@link WebStompStandIn}. A WebSocket from the shop's own origin reaches
 * the broker only for a signed-in shopper.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class PushChannelTest {

    private static final String PUSH = "/api/wxpay/push";
    private static final String CONNECT = "CONNECT\naccept-version:1.2,1.1,1.0\nhost:/\nlogin:webguest\npasscode:webguest\n\n\u0000";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final StubServices SERVICES = new StubServices();
    private static final WebStompStandIn BROKER = new WebStompStandIn();
    private static final TestRedisKeys REDIS_KEYS = new TestRedisKeys();

    @LocalServerPort
    private int port;

    private Visitor visitor;
    private WebSocket socket;

    @DynamicPropertySource
    static void servicesBrokerAndRedis(DynamicPropertyRegistry registry) {
        for (String service : new String[]{"changgou-service-user", "changgou-web-order"}) {
            registry.add("spring.cloud.discovery.client.simple.instances.%s[0].uri".formatted(service), SERVICES::uri);
        }
        registry.add("WEBSTOMP_UPSTREAM", BROKER::uri);
        REDIS_KEYS.register(registry);
        GatewaySecrets.register(registry);
    }

    @BeforeEach
    void newVisitor() {
        visitor = new Visitor(port);
        BROKER.forget();
    }

    @AfterEach
    void closeSocket() {
        if (socket != null) {
            socket.abort();
        }
    }

    @AfterAll
    static void cleanUp(@Autowired ReactiveStringRedisTemplate redis) {
        REDIS_KEYS.removeAll(redis);
        BROKER.close();
        SERVICES.close();
    }

    @Test
    void aSignedInShoppersWebSocketReachesWebStompAtWsSpeakingStomp() throws Exception {
        visitor.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);
        Frames frames = new Frames();

        socket = stompSocket(visitor.session()).buildAsync(pushUri(), frames).get(10, TimeUnit.SECONDS);
        socket.sendText(CONNECT, true);

        assertThat(frames.first).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(WebStompStandIn.CONNECTED);
        assertThat(socket.getSubprotocol()).isEqualTo("v12.stomp");
        assertThat(BROKER.handshakes()).singleElement().satisfies(handshake -> {
            assertThat(handshake.path()).isEqualTo(WebStompStandIn.PATH);
            assertThat(handshake.offeredSubprotocols()).containsExactly("v12.stomp", "v11.stomp", "v10.stomp");
            assertThat(handshake.subprotocol()).isEqualTo("v12.stomp");
            // the broker gets none of the shopper's credentials: it checks webguest's own in CONNECT
            assertThat(handshake.headers().contains("Cookie")).isFalse();
            assertThat(handshake.headers().contains(CsrfHeader.NAME)).isFalse();
            assertThat(handshake.headers().contains("Authorization")).isFalse();
        });
    }

    @Test
    void aClosedPageLeavesNoObservationOpen(@Autowired MeterRegistry meters) throws Exception {
        visitor.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);
        Frames frames = new Frames();
        socket = stompSocket(visitor.session()).buildAsync(pushUri(), frames).get(10, TimeUnit.SECONDS);
        socket.sendText(CONNECT, true);
        assertThat(frames.first).succeedsWithin(Duration.ofSeconds(10));

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "paid").get(10, TimeUnit.SECONDS);

        // Every observation started for the page (its request, and the gateway's hop to the broker) ends with it;
        // one left open would count as an active request forever and hold its sample in the gateway's heap.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.find("http.client.requests.active").tag("spring.cloud.gateway.route.id", "wxpay-push")
                    .longTaskTimers()).allSatisfy(open -> assertThat(open.activeTasks()).isZero());
            assertThat(meters.find("http.server.requests.active").longTaskTimers()).isNotEmpty()
                    .allSatisfy(open -> assertThat(open.activeTasks()).isZero());
        });
    }

    @Test
    void anAnonymousUpgradeIsRefusedAtTheDoorAndNeverReachesTheBroker() {
        // naming a shopper in a header of one's own counts for nothing
        Throwable refused = catchThrowable(() -> HTTP.newWebSocketBuilder()
                .header(UserHeader.NAME, StubServices.ALICE)
                .subprotocols("v12.stomp", "v11.stomp", "v10.stomp")
                .buildAsync(pushUri(), new Frames()).get(10, TimeUnit.SECONDS));

        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        HttpResponse<?> answer = ((WebSocketHandshakeException) refused.getCause()).getResponse();
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(BROKER.handshakes()).isEmpty();
    }

    @Test
    void aSessionCookieTheGatewayNeverIssuedOpensNothingEither() {
        Throwable refused = catchThrowable(() -> stompSocket("no-such-session")
                .buildAsync(pushUri(), new Frames()).get(10, TimeUnit.SECONDS));

        assertThat(refused).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
        assertThat(BROKER.handshakes()).isEmpty();
    }

    @Test
    void aPlainRequestToThePushPathIsNotForwarded() {
        visitor.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);

        assertThat(visitor.get(PUSH).statusCode()).isEqualTo(400);
        assertThat(BROKER.handshakes()).isEmpty();
    }

    @Test
    void theRestOfWxpayStillGoesToWebOrder() {
        visitor.signIn(StubServices.ALICE, StubServices.ALICE_PASSWORD);

        HttpResponse<String> status = visitor.get("/api/wxpay/status?orderId=1");

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("path=/wxpay/status", "user=alice");
        assertThat(BROKER.handshakes()).isEmpty();
    }

    private URI pushUri() {
        return URI.create("ws://127.0.0.1:" + port + PUSH);
    }

    /** A browser's handshake as stomp.js makes it: the session cookie and the STOMP subprotocols. */
    private static WebSocket.Builder stompSocket(String session) {
        return HTTP.newWebSocketBuilder()
                .header("Cookie", Visitor.COOKIE + "=" + session)
                .subprotocols("v12.stomp", "v11.stomp", "v10.stomp");
    }

    /** The first whole text frame the gateway hands on from the broker. */
    private static final class Frames implements WebSocket.Listener {
        final CompletableFuture<String> first = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                first.complete(text.toString());
            }
            webSocket.request(1);
            return null;
        }
    }
}
