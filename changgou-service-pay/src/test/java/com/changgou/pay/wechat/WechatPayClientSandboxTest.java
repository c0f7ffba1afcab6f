package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WechatPayClient against the suite's WeChat sandbox over real HTTP, both sign types, with the
 * sandbox's notifications received and verified by {@link WechatPayClient#parseNotification}.
 */
class WechatPayClientSandboxTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    /** What the notify endpoint saw: the notification, or why it was refused. */
    record Received(String body, PayNotification notification, String refusal) {
    }

    private static SandboxProcess sandbox;
    private static HttpServer notifyEndpoint;
    private static final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Optional<Path> jar = SandboxProcess.jar();
        Assumptions.assumeTrue(jar.isPresent(),
                "changgou-wxpay-sandbox is not packaged: run mvn verify (or package) from the root");
        sandbox = SandboxProcess.start(jar.get(), TestSigner.APP_ID, TestSigner.MCH_ID, TestSigner.KEY);
        notifyEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notifyEndpoint.createContext("/notify", WechatPayClientSandboxTest::onNotification);
        notifyEndpoint.start();
    }

    @AfterAll
    static void stop() {
        if (notifyEndpoint != null) {
            notifyEndpoint.stop(0);
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static WechatPayClient client(WechatSignType signType) {
        return new WechatPayClient(new WechatPayProperties(URI.create(sandbox.baseUrl()), TestSigner.APP_ID,
                TestSigner.MCH_ID, TestSigner.KEY, signType,
                "http://127.0.0.1:" + notifyEndpoint.getAddress().getPort() + "/notify",
                Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(200), null, null, null,
                "http://127.0.0.1:1/refund-notify"));
    }

    /** A notify endpoint in miniature: parse and verify, SUCCESS only for what is believed. */
    private static void onNotification(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            WechatPayClient verifier = client(WechatSignType.HMAC_SHA256);
            String reply;
            try {
                received.add(new Received(new String(body, StandardCharsets.UTF_8), verifier.parseNotification(body), null));
                reply = verifier.notificationReply(true, "OK");
            } catch (InvalidNotificationException e) {
                received.add(new Received(new String(body, StandardCharsets.UTF_8), null, e.getMessage()));
                reply = verifier.notificationReply(false, e.getMessage());
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static UnifiedOrderCommand order(String outTradeNo, long totalFee) {
        return new UnifiedOrderCommand(outTradeNo, "Changgou sandbox test", totalFee, "P" + outTradeNo,
                Instant.now().plus(Duration.ofMinutes(30)), "127.0.0.1");
    }

    @ParameterizedTest
    @EnumSource(WechatSignType.class)
    void createQueryPayQueryAndCloseAPaidOrder(WechatSignType signType) throws Exception {
        WechatPayClient client = client(signType);
        String outTradeNo = "WXIT" + SEQUENCE.incrementAndGet();

        UnifiedOrderResult created = client.unifiedOrder(order(outTradeNo, 2990));
        assertThat(created.codeUrl()).startsWith("weixin://");
        assertThat(created.prepayId()).isNotBlank();
        assertThat(client.queryOrder(outTradeNo).map(TradeQueryResult::state)).contains(TradeState.NOTPAY);

        // The first notification is forged (a wrong sign), the genuine one follows: only it may be believed.
        assertThat(sandbox.fault(outTradeNo, "BAD_SIGN")).isEqualTo(201);
        assertThat(sandbox.scan(created.codeUrl(), "PAY")).isEqualTo(200);

        TradeQueryResult paid = client.queryOrder(outTradeNo).orElseThrow();
        assertThat(paid.state()).isEqualTo(TradeState.SUCCESS);
        assertThat(paid.totalFee()).isEqualTo(2990);
        assertThat(paid.transactionId()).isNotBlank();
        assertThat(client.closeOrder(outTradeNo)).isEqualTo(CloseResult.ALREADY_PAID);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(receivedFor(outTradeNo)).filteredOn(r -> r.refusal() != null)
                    .anySatisfy(r -> assertThat(r.refusal()).startsWith("wrong ").endsWith(" sign"));
            assertThat(receivedFor(outTradeNo)).filteredOn(r -> r.notification() != null).anySatisfy(r -> {
                assertThat(r.notification().totalFee()).isEqualTo(2990);
                assertThat(r.notification().transactionId()).isEqualTo(paid.transactionId());
            });
        });
    }

    @ParameterizedTest
    @EnumSource(WechatSignType.class)
    void createCloseQueryAndCloseAgain(WechatSignType signType) {
        WechatPayClient client = client(signType);
        String outTradeNo = "WXIT" + SEQUENCE.incrementAndGet();
        client.unifiedOrder(order(outTradeNo, 1));

        assertThat(client.closeOrder(outTradeNo)).isEqualTo(CloseResult.CLOSED);
        assertThat(client.queryOrder(outTradeNo).map(TradeQueryResult::state)).contains(TradeState.CLOSED);
        assertThat(client.closeOrder(outTradeNo)).isEqualTo(CloseResult.ALREADY_CLOSED);
    }

    @Test
    void anOrderTheSandboxNeverSawIsEmptyForQueryAndNotFoundForClose() {
        WechatPayClient client = client(WechatSignType.HMAC_SHA256);
        assertThat(client.queryOrder("WXIT-NEVER-" + SEQUENCE.incrementAndGet())).isEmpty();
        assertThat(client.closeOrder("WXIT-NEVER-" + SEQUENCE.incrementAndGet())).isEqualTo(CloseResult.NOT_FOUND);
    }

    @Test
    void theSandboxRefusesAClientWithAnotherKeyAndWeSayUnavailable() {
        WechatPayClient stranger = new WechatPayClient(new WechatPayProperties(URI.create(sandbox.baseUrl()),
                TestSigner.APP_ID, TestSigner.MCH_ID, "strangerkey000000000000000000000", WechatSignType.MD5,
                "http://127.0.0.1:1/notify", Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ZERO, null, null,
                null, "http://127.0.0.1:1/refund-notify"));
        assertThatThrownBy(() -> stranger.queryOrder("WXIT" + SEQUENCE.incrementAndGet()))
                .isInstanceOf(WechatUnavailableException.class);
    }

    private static List<Received> receivedFor(String outTradeNo) {
        return received.stream().filter(r -> r.body().contains(outTradeNo)).toList();
    }
}
