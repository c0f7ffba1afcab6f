package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.pay.api.RefundState;
import com.changgou.pay.wechat.RefundApplyAnswer.Kind;
import com.changgou.pay.wechat.RefundApplyAnswer.Trouble;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds over mutual TLS against a local HTTPS server that, like WeChat's /secapi/, requires a
 * client certificate it trusts: the merchant's certificate is presented, one from another CA or none
 * at all gets no refund (the refund waits), and every answer is still verified by its sign.
 */
class WechatRefundTlsTest {

    private static final RefundApplication REFUND =
            new RefundApplication("RF2001", "T2001", "4200002001", 1000, 300, "size does not fit");

    /** A request the server took: its path, fields and the client certificate's subject. */
    record Seen(String path, Map<String, String> fields, String clientSubject) {
    }

    private static MerchantCerts certs;
    private static MerchantCerts strangers;
    private static HttpsServer server;
    private static final List<Seen> seen = new CopyOnWriteArrayList<>();
    private static volatile Function<Map<String, String>, Map<String, String>> answer = request -> Map.of();

    @BeforeAll
    static void start() throws Exception {
        certs = MerchantCerts.make("wxpay-certs", TestSigner.MCH_ID);
        strangers = MerchantCerts.make("wxpay-certs-stranger", TestSigner.MCH_ID);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", WechatRefundTlsTest::handle);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @BeforeEach
    void forget() {
        seen.clear();
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.serverKeyStore())) {
            keys.load(in, certs.serverPassword());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, certs.serverPassword());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certs.ca())) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, String> fields = TestSigner.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            X509Certificate client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            seen.add(new Seen(exchange.getRequestURI().getPath(), fields, client.getSubjectX500Principal().getName()));
            byte[] body = TestSigner.xml(FakeWechat.signedAnswer(fields, answer.apply(fields))).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static WechatPayClient client(Path certPath, Path trustCa) {
        return new WechatPayClient(new WechatPayProperties(URI.create("http://127.0.0.1:1"), TestSigner.APP_ID,
                TestSigner.MCH_ID, TestSigner.KEY, WechatSignType.HMAC_SHA256, "http://127.0.0.1:1/notify",
                Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(20),
                URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/"),
                certPath == null ? null : certPath.toString(), trustCa == null ? null : trustCa.toString(),
                "https://shop.example/api/pay/wxpay/refund/notify"));
    }

    private static Map<String, String> accepted(Map<String, String> request) {
        return Map.of("result_code", "SUCCESS", "out_trade_no", request.get("out_trade_no"),
                "transaction_id", request.get("transaction_id"), "out_refund_no", request.get("out_refund_no"),
                "refund_id", "50300002001", "refund_fee", request.get("refund_fee"), "total_fee", request.get("total_fee"),
                "cash_fee", request.get("total_fee"));
    }

    @Test
    void theMerchantsCertificateIsPresentedAndTheSignedAcceptanceBelieved() {
        answer = WechatRefundTlsTest::accepted;

        RefundApplyAnswer result = client(certs.merchant(), certs.ca()).applyRefund(REFUND);

        assertThat(result.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(result.refundId()).isEqualTo("50300002001");
        Seen request = seen.get(0);
        assertThat(request.path()).isEqualTo("/secapi/pay/refund");
        assertThat(request.clientSubject()).contains("CN=" + TestSigner.MCH_ID);
        assertThat(request.fields())
                .containsEntry("out_refund_no", "RF2001").containsEntry("out_trade_no", "T2001")
                .containsEntry("transaction_id", "4200002001").containsEntry("total_fee", "1000")
                .containsEntry("refund_fee", "300").containsEntry("refund_desc", "size does not fit")
                .containsEntry("notify_url", "https://shop.example/api/pay/wxpay/refund/notify")
                .containsEntry("mch_id", TestSigner.MCH_ID).containsEntry("appid", TestSigner.APP_ID);
        assertThat(request.fields().get("sign"))
                .isEqualTo(TestSigner.sign(request.fields(), "HMAC-SHA256", TestSigner.KEY));
    }

    @Test
    void notEnoughAndBusyWaitWhileAnotherErrCodeRefusesForGood() {
        WechatPayClient client = client(certs.merchant(), certs.ca());
        answer = request -> Map.of("result_code", "FAIL", "err_code", "NOTENOUGH", "err_code_des", "余额不足");
        assertThat(client.applyRefund(REFUND)).extracting(RefundApplyAnswer::kind, RefundApplyAnswer::trouble)
                .containsExactly(Kind.RETRY_LATER, Trouble.NOT_ENOUGH_BALANCE);
        answer = request -> Map.of("result_code", "FAIL", "err_code", "FREQUENCY_LIMITED", "err_code_des", "频率限制");
        assertThat(client.applyRefund(REFUND).trouble()).isEqualTo(Trouble.WECHAT_BUSY);
        answer = request -> Map.of("result_code", "FAIL", "err_code", "SYSTEMERROR", "err_code_des", "系统超时");
        assertThat(client.applyRefund(REFUND).trouble()).isEqualTo(Trouble.WECHAT_BUSY);
        for (String errCode : List.of("INVALID_REQUEST", "ORDERNOTEXIST", "TRADE_STATE_ERROR")) {
            answer = request -> Map.of("result_code", "FAIL", "err_code", errCode, "err_code_des", "描述 " + errCode);
            assertThat(client.applyRefund(REFUND)).as(errCode)
                    .extracting(RefundApplyAnswer::kind, RefundApplyAnswer::code, RefundApplyAnswer::description)
                    .containsExactly(Kind.REFUSED, errCode, "描述 " + errCode);
        }
    }

    @Test
    void anAcceptanceForAnotherRefundIsNotBelieved() {
        answer = request -> {
            Map<String, String> other = new java.util.HashMap<>(accepted(request));
            other.put("refund_fee", "1000");
            return other;
        };
        assertThat(client(certs.merchant(), certs.ca()).applyRefund(REFUND).trouble()).isEqualTo(Trouble.UNREACHABLE);
    }

    @Test
    void aCertificateTheServerDoesNotTrustGetsNoRefund() {
        answer = WechatRefundTlsTest::accepted;

        RefundApplyAnswer result = client(strangers.merchant(), certs.ca()).applyRefund(REFUND);

        assertThat(result.kind()).isEqualTo(Kind.RETRY_LATER);
        // Under TLS 1.2 the handshake fails; under TLS 1.3 the server's refusal may come as a closed connection.
        assertThat(result.trouble()).as(result.description()).isIn(Trouble.TLS_REFUSED, Trouble.UNREACHABLE);
        assertThat(seen).as("the server handled no request").isEmpty();
    }

    @Test
    void aServerWeDoNotTrustIsNotTold() {
        answer = WechatRefundTlsTest::accepted;

        RefundApplyAnswer result = client(certs.merchant(), null).applyRefund(REFUND);

        assertThat(result.trouble()).as(result.description()).isEqualTo(Trouble.TLS_REFUSED);
        assertThat(seen).isEmpty();
    }

    @Test
    void withoutACertificateNothingIsSentAndTheVariableIsNamed() {
        RefundApplyAnswer result = client(null, certs.ca()).applyRefund(REFUND);

        assertThat(result.trouble()).isEqualTo(Trouble.NO_CERTIFICATE);
        assertThat(result.description()).contains("WXPAY_CERT_PATH");
        assertThat(seen).isEmpty();
    }

    @Test
    void aCertificateThatDoesNotOpenWithTheMerchantIdStopsTheStart() throws Exception {
        MerchantCerts otherMerchant = MerchantCerts.make("wxpay-certs-other-merchant", "1900000777");
        assertThatThrownBy(() -> client(otherMerchant.merchant(), certs.ca()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WXPAY_CERT_PATH");
        assertThatThrownBy(() -> client(certs.dir().resolve("missing.p12"), certs.ca()))
                .hasMessageContaining("WXPAY_CERT_PATH");
    }

    @Test
    void refundqueryFindsTheRefundAmongTheNumberedOnes() throws IOException {
        try (FakeWechat wechat = new FakeWechat()) {
            WechatPayClient client = new WechatPayClient(TestSigner.properties(wechat.baseUrl(), WechatSignType.HMAC_SHA256));
            wechat.answerSigned(Map.ofEntries(Map.entry("result_code", "SUCCESS"), Map.entry("out_trade_no", "T2001"),
                    Map.entry("transaction_id", "4200002001"), Map.entry("total_fee", "1000"),
                    Map.entry("refund_count", "2"),
                    Map.entry("out_refund_no_0", "RF2000"), Map.entry("refund_id_0", "50300002000"),
                    Map.entry("refund_fee_0", "100"), Map.entry("refund_status_0", "PROCESSING"),
                    Map.entry("out_refund_no_1", "RF2001"), Map.entry("refund_id_1", "50300002001"),
                    Map.entry("refund_fee_1", "300"), Map.entry("refund_status_1", "SUCCESS"),
                    Map.entry("refund_success_time_1", "2026-12-01 13:00:00")));

            Optional<RefundQueryResult> result = client.queryRefund("RF2001", "T2001");

            assertThat(result).contains(new RefundQueryResult("RF2001", "T2001", "4200002001", "50300002001", 1000, 300,
                    RefundState.SUCCESS, Instant.parse("2026-12-01T05:00:00Z")));
            assertThat(wechat.requests.get(0).path()).isEqualTo("/pay/refundquery");
            assertThat(wechat.requests.get(0).fields()).containsEntry("out_refund_no", "RF2001");

            wechat.answerSigned(Map.of("result_code", "FAIL", "err_code", "REFUNDNOTEXIST", "err_code_des", "退款订单查询失败"));
            assertThat(client.queryRefund("RF2001", "T2001")).isEmpty();
        }
    }
}
