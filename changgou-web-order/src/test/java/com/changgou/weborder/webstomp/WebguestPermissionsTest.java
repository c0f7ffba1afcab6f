package com.changgou.weborder.webstomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Against the real local RabbitMQ: with {@code scripts/rabbitmq-webguest.sh} applied to a vhost of
 * this test's own, for a webguest of this test's own, a browser's credentials can follow one
 * payment's push by its token ({@code /exchange/paynotify.token/<token>}, the topic exchange the pay
 * service binds to the {@code paynotify} fanout) and nothing more: not every payment's push (the fanout
 * itself, or a wildcard on the topic exchange), no publishing, none of the suite's queues.
 */
class WebguestPermissionsTest {

    private static final String MANAGEMENT = env("RABBIT_MANAGEMENT_URL", "http://127.0.0.1:15672");
    private static final String WEBSTOMP = env("WEBSTOMP_TEST_URL", "ws://127.0.0.1:15674/ws");
    private static final String ADMIN = env("RABBIT_USER", "guest") + ":" + env("RABBIT_PASSWORD", "guest");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String VHOST = "worder_webstomp_test_" + SUFFIX;
    // not the machine's webguest: the script sets the password and limits of the user it is given
    private static final String WEBGUEST = "webguest-test-" + SUFFIX;
    private static final String WEBGUEST_PASSWORD = UUID.randomUUID().toString();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private static final ThreadPoolTaskScheduler SCHEDULER = scheduler();
    /** Two payments' tokens, shaped as the pay service makes them (128 random bits, url-safe Base64). */
    private static final String MINE = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String THEIRS = "BBBBBBBBBBBBBBBBBBBBBB";

    private final List<StompSession> sessions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void vhostWithTheSuitesNamesAndTheScriptApplied() throws Exception {
        management("PUT", "/api/vhosts/" + enc(VHOST), "{}");
        management("PUT", "/api/permissions/" + enc(VHOST) + "/" + enc(ADMIN.split(":")[0]),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        management("PUT", "/api/exchanges/" + enc(VHOST) + "/paynotify", "{\"type\":\"fanout\",\"durable\":false}");
        management("PUT", "/api/exchanges/" + enc(VHOST) + "/paynotify.token", "{\"type\":\"topic\",\"durable\":false}");
        management("POST", "/api/bindings/" + enc(VHOST) + "/e/paynotify/e/paynotify.token", "{\"routing_key\":\"\"}");
        management("PUT", "/api/queues/" + enc(VHOST) + "/order.pay.result", "{\"durable\":false}");
        runScript();
    }

    @AfterAll
    static void deleteVhostAndUser() throws Exception {
        SCHEDULER.shutdown();
        int user = send("DELETE", "/api/users/" + enc(WEBGUEST), null).statusCode();
        int vhost = send("DELETE", "/api/vhosts/" + enc(VHOST), null).statusCode();
        assertThat(List.of(user, vhost)).allMatch(status -> status / 100 == 2 || status == 404);
    }

    private static ThreadPoolTaskScheduler scheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("stomp-test-");
        scheduler.initialize();
        return scheduler;
    }

    @AfterEach
    void disconnect() {
        sessions.stream().filter(StompSession::isConnected).forEach(StompSession::disconnect);
    }

    @Test
    void aPageReceivesItsOwnPaymentsPushAndNoOtherOne() throws Exception {
        Recorder recorder = new Recorder();
        subscribed(recorder, "/exchange/paynotify.token/" + MINE);

        String other = push(THEIRS);
        String mine = push(MINE);

        await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.messages.isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> recorder.messages.size() == 1);
        assertThat(recorder.messages).containsExactly(mine).doesNotContain(other);
        assertThat(recorder.errors).isEmpty();
        assertThat(sessions.get(0).isConnected()).isTrue();
    }

    @Test
    void webguestIsCutOffWhenItSubscribesToEveryPaymentsPush() throws Exception {
        for (String everything : List.of("/exchange/paynotify", "/exchange/paynotify.token/#", "/exchange/paynotify.token/*")) {
            Recorder recorder = new Recorder();
            StompSession session = connect(recorder);
            session.subscribe(everything, recorder);
            push(MINE);

            assertRefused(session, recorder);
            assertThat(recorder.messages).as(everything).isEmpty();
        }
    }

    @Test
    void webguestIsCutOffWhenItPublishesToPaynotifyAndNothingReachesTheSubscribers() throws Exception {
        Recorder listener = new Recorder();
        subscribed(listener, "/exchange/paynotify.token/" + MINE);

        Recorder publisher = new Recorder();
        StompSession session = connect(publisher);
        session.send("/exchange/paynotify", "{\"token\":\"forged\",\"state\":\"SUCCESS\"}");

        assertRefused(session, publisher);
        // the broker logs ACCESS_REFUSED and drops the connection; the forged frame goes nowhere
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(listener.messages::isEmpty);
    }

    @Test
    void webguestIsCutOffWhenItSubscribesToTheSuitesQueueAndReadsNothing() throws Exception {
        management("POST", "/api/exchanges/" + enc(VHOST) + "/amq.default/publish",
                "{\"properties\":{},\"routing_key\":\"order.pay.result\",\"payload\":\"secret\",\"payload_encoding\":\"string\"}");
        Recorder recorder = new Recorder();
        StompSession session = connect(recorder);
        session.subscribe("/amq/queue/order.pay.result", recorder);

        assertRefused(session, recorder);
        assertThat(recorder.messages).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                management("GET", "/api/queues/" + enc(VHOST) + "/order.pay.result", null)).contains("\"messages\":1"));
    }

    /** Refused: the broker answers with an ERROR frame naming the refusal and/or closes the connection. */
    private static void assertRefused(StompSession session, Recorder recorder) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !session.isConnected());
        assertThat(recorder.errors).isNotEmpty().allSatisfy(error -> assertThat(error)
                .containsAnyOf("access_refused", "ACCESS_REFUSED", "ConnectionLostException"));
    }

    private void subscribed(Recorder recorder, String destination) throws Exception {
        StompSession session = connect(recorder);
        session.setAutoReceipt(true);
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        session.subscribe(destination, recorder).addReceiptTask(() -> subscribed.complete(null));
        subscribed.get(10, TimeUnit.SECONDS);
    }

    /** Publishes a push for this token the way the pay service does: to the fanout, the token as routing key. */
    private static String push(String token) throws Exception {
        String body = "{\"messageId\":\"m-%s\",\"type\":\"pay.notify\",\"token\":\"%s\",\"state\":\"SUCCESS\"}"
                .formatted(token, token);
        management("POST", "/api/exchanges/" + enc(VHOST) + "/paynotify/publish",
                "{\"properties\":{},\"routing_key\":" + quote(token) + ",\"payload\":" + quote(body)
                        + ",\"payload_encoding\":\"string\"}");
        return body;
    }

    private StompSession connect(Recorder recorder) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new StringMessageConverter());
        client.setDefaultHeartbeat(new long[] {0, 0});
        client.setTaskScheduler(SCHEDULER);
        StompHeaders headers = new StompHeaders();
        headers.setLogin(WEBGUEST);
        headers.setPasscode(WEBGUEST_PASSWORD);
        headers.setHost(VHOST);
        StompSession session = client.connectAsync(WEBSTOMP, new WebSocketHttpHeaders(), headers, recorder)
                .get(10, TimeUnit.SECONDS);
        sessions.add(session);
        return session;
    }

    /** Collects what the broker sends: MESSAGE bodies, and ERROR frames or a dropped connection. */
    private static final class Recorder extends StompSessionHandlerAdapter implements StompFrameHandler {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return String.class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            if (headers.getFirst("message") != null && headers.getSubscription() == null) {
                errors.add(headers.getFirst("message") + " " + payload);
            } else {
                messages.add(String.valueOf(payload));
            }
        }

        @Override
        public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                    Throwable exception) {
            errors.add("exception " + exception);
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            errors.add("transport " + exception);
        }
    }

    private static void runScript() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/rabbitmq-webguest.sh");
        assertThat(script).exists();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("RABBIT_VHOST", VHOST);
        builder.environment().put("WEBSTOMP_USER", WEBGUEST);
        builder.environment().put("WEBSTOMP_PASSWORD", WEBGUEST_PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static String management(String method, String path, String json) throws Exception {
        HttpResponse<String> response = send(method, path, json);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response.body();
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }
}
