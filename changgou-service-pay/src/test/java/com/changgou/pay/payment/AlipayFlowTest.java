package com.changgou.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.order.api.OrderView;
import com.changgou.pay.alipay.AlipayTestKeys;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayState;
import com.changgou.pay.support.AlipayNotifications;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.PayIntegrationTest;
import com.changgou.pay.support.ScriptedAlipay;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Alipay end to end inside the pay service, against the scripted gateway and real MariaDB and RabbitMQ. */
class AlipayFlowTest extends PayIntegrationTest {

    static final String NOTIFY = "/pay/alipay/notify";
    static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Autowired
    AlipayPayments alipay;
    @Autowired
    Payments payments;
    @Value("${local.server.port}")
    int port;
    @TempDir
    Path tmp;

    final ScriptedAlipay gateway = ScriptedAlipay.shared();
    Http http;
    OrderView order;
    AlipayPayment payment;

    @BeforeEach
    void startPayment() {
        http = new Http(port);
        order = orders.unpaid("ada", 2599);
        payment = alipay.wap("ada", order.id());
    }

    @Test
    void anOrderHasOneOpenAlipayRecordBesideItsWechatOne() {
        AlipayPayment again = alipay.wap("ada", order.id());
        NativePayment wechatToo = payments.nativePay("ada", order.id());

        assertThat(again.outTradeNo()).isEqualTo(payment.outTradeNo());
        assertThat(again.token()).isEqualTo(payment.token());
        assertThat(payment.state()).isEqualTo(PayState.NOTPAY);
        assertThat(payment.totalFee()).isEqualTo(2599);
        assertThat(wechatToo.token()).isEqualTo(payment.token());
        assertThat(jdbc.queryForList("SELECT channel FROM pay_record WHERE order_id = ? AND status = 'NOTPAY' ORDER BY channel",
                String.class, order.id())).containsExactly("ALIPAY", "WECHAT");
        assertThatThrownBy(() -> alipay.wap("eve", order.id())).isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void theGoPageIsTheSignedWapPayFormToTheGatewayOnly() throws Exception {
        HttpResponse<String> page = http.getPublic("/pay/alipay/go/" + payment.token());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("form-action " + origin()).contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body()).contains("id=\"alipay-form\"").contains("action=\"" + gateway.gateway() + "\"")
                .contains("<noscript>");
        Map<String, String> fields = fields(page.body());
        assertThat(fields).containsEntry("method", "alipay.trade.wap.pay").containsEntry("app_id", AlipayNotifications.APP_ID)
                .containsEntry("sign_type", "RSA2").containsEntry("charset", "utf-8").containsEntry("format", "JSON")
                .containsEntry("version", "1.0").containsEntry("notify_url", "http://127.0.0.1:8080/api/pay/alipay/notify")
                .containsEntry("return_url", "http://127.0.0.1:8080/api/wxpay/paysuccess?orderId=" + order.id());
        assertThat(fields.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(fields.get("biz_content")).contains("\"out_trade_no\":\"" + payment.outTradeNo() + "\"")
                .contains("\"total_amount\":\"25.99\"").contains("\"product_code\":\"QUICK_WAP_WAY\"")
                .contains("\"time_expire\":\"").contains("\"subject\":\"Changgou order " + order.id() + "\"");
        // Checked by openssl, over every field but sign (sign_type included), sorted, raw values.
        Path content = Files.writeString(tmp.resolve("content"), AlipayTestKeys.content(fields, Set.of("sign")));
        Path sign = Files.write(tmp.resolve("sign"), Base64.getDecoder().decode(fields.get("sign")));
        assertThat(new String(AlipayTestKeys.run("openssl", "dgst", "-sha256", "-verify",
                AlipayTestKeys.file("app-public.pem").toString(), "-signature", sign.toString(), content.toString())))
                .contains("Verified OK");
    }

    @Test
    void anUnknownTokenIsNotFoundAndAPaidOneIsGone() {
        assertThat(http.getPublic("/pay/alipay/go/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        notify(AlipayNotifications.signed(paidParams("25.99")));

        HttpResponse<String> gone = http.getPublic("/pay/alipay/go/" + payment.token());
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).doesNotContain("alipay-form");
    }

    @Test
    void aGenuineNotificationPaysOnceThroughTheOnePathAndDuplicatesChangeNothing() {
        String resultQueue = payResultQueue();
        String form = AlipayNotifications.form(AlipayNotifications.signed(paidParams("25.99")));

        assertThat(http.postForm(NOTIFY, form).body()).isEqualTo("success");
        for (int i = 0; i < 3; i++) {
            assertThat(http.postForm(NOTIFY, form).body()).isEqualTo("success");
        }

        assertThat(jdbc.queryForMap("SELECT status, transaction_id, channel FROM pay_record WHERE out_trade_no = ?",
                payment.outTradeNo())).containsEntry("status", "SUCCESS").containsEntry("transaction_id", tradeNo())
                .containsEntry("channel", "ALIPAY");
        assertThat(jdbc.queryForList("SELECT actor FROM pay_log WHERE out_trade_no = ? AND to_status = 'SUCCESS'",
                String.class, payment.outTradeNo())).containsExactly("ALIPAY_NOTIFY");
        assertThat(new String(awaitMessage(resultQueue, "pr-" + payment.outTradeNo()).getBody()))
                .contains("\"totalFee\":2599").contains(tradeNo());
        assertThat(outbox()).isEqualTo(2);
    }

    @Test
    void forgedMismatchedAndMalformedNotificationsGetFailureAndChangeNothing() {
        NativePayment wechat = payments.nativePay("ada", orders.unpaid("ada", 2599).id());
        Map<String, String> wrongKey = AlipayNotifications.signed(paidParams("25.99"),
                AlipayTestKeys.privateKey("app-private.pem"));
        Map<String, String> tampered = AlipayNotifications.signed(paidParams("25.99"));
        tampered.put("total_amount", "0.01");
        Map<String, String> otherApp = paidParams("25.99");
        otherApp.put("app_id", "2021000000000999");
        Map<String, String> otherSeller = paidParams("25.99");
        otherSeller.put("seller_id", "2088000000000999");
        Map<String, String> unknown = paidParams("25.99");
        unknown.put("out_trade_no", "NO-SUCH-TRADE");
        Map<String, String> wechatsRecord = paidParams("25.99");
        wechatsRecord.put("out_trade_no", wechat.outTradeNo());
        Map<String, String> unsigned = new LinkedHashMap<>(paidParams("25.99"));

        List<String> bodies = List.of(
                AlipayNotifications.form(wrongKey),
                AlipayNotifications.form(tampered),
                AlipayNotifications.form(AlipayNotifications.signed(otherApp)),
                AlipayNotifications.form(AlipayNotifications.signed(otherSeller)),
                AlipayNotifications.form(AlipayNotifications.signed(unknown)),
                AlipayNotifications.form(AlipayNotifications.signed(wechatsRecord)),
                AlipayNotifications.form(AlipayNotifications.signed(paidParams("25.001"))),
                AlipayNotifications.form(AlipayNotifications.signed(paidParams("2.599e1"))),
                AlipayNotifications.form(AlipayNotifications.signed(paidParams("0.01"))),
                AlipayNotifications.form(AlipayNotifications.signed(paidParams("25.99"))) + "&total_amount=25.99",
                AlipayNotifications.form(unsigned),
                "%zz=1",
                "");

        for (String body : bodies) {
            assertThat(http.postForm(NOTIFY, body).body()).as(body).isEqualTo("failure");
        }
        assertThat(status(payment.outTradeNo())).isEqualTo("NOTPAY");
        assertThat(status(wechat.outTradeNo())).isEqualTo("NOTPAY");
        assertThat(outbox()).isZero();
    }

    @Test
    void aClosedTradeNotificationClosesTheOpenRecord() {
        Map<String, String> closed = paidParams("25.99");
        closed.put("trade_status", "TRADE_CLOSED");

        assertThat(notify(AlipayNotifications.signed(closed))).isEqualTo("success");

        assertThat(status(payment.outTradeNo())).isEqualTo("CLOSED");
    }

    @Test
    void closingATradeAlipayNeverSawClosesItHere() {
        assertThat(payments.close(order.id())).isEqualTo(CloseOutcome.CLOSED);

        assertThat(status(payment.outTradeNo())).isEqualTo("CLOSED");
        assertThat(gateway.requestsFor(ScriptedAlipay.CLOSE, payment.outTradeNo()))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("_verified", "true"));
        assertThat(http.getPublic("/pay/alipay/go/" + payment.token()).statusCode()).isEqualTo(410);
    }

    @Test
    void aPaymentThatRacesTheCloseWinsAndTheOutcomeIsPaid() {
        gateway.answer(ScriptedAlipay.CLOSE, payment.outTradeNo(), """
                {"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_STATUS_ERROR","sub_msg":"trade paid"}""");
        gateway.paid(payment.outTradeNo(), tradeNo(), "25.99");

        assertThat(payments.close(order.id())).isEqualTo(CloseOutcome.PAID);

        assertThat(status(payment.outTradeNo())).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForList("SELECT actor FROM pay_log WHERE out_trade_no = ? AND to_status = 'SUCCESS'",
                String.class, payment.outTradeNo())).containsExactly("CLOSE");
    }

    @Test
    void aPaymentNotifiedAfterTheCloseStillCounts() {
        payments.close(order.id());

        assertThat(notify(AlipayNotifications.signed(paidParams("25.99")))).isEqualTo("success");

        assertThat(status(payment.outTradeNo())).isEqualTo("SUCCESS");
        assertThat(payments.status("ada", order.id()).state()).isEqualTo(PayState.SUCCESS);
    }

    @Test
    void theStatusPollAsksAlipayAboutAnUnpaidAlipayRecord() {
        gateway.paid(payment.outTradeNo(), tradeNo(), "25.99");

        assertThat(payments.status("ada", order.id()).state()).isEqualTo(PayState.SUCCESS);
        assertThat(jdbc.queryForList("SELECT actor FROM pay_log WHERE out_trade_no = ? AND to_status = 'SUCCESS'",
                String.class, payment.outTradeNo())).containsExactly("STATUS_QUERY");
    }

    @Test
    void theStatusReportsThePaidRecordWhicheverIsNewest() {
        NativePayment newer = payments.nativePay("ada", order.id());

        notify(AlipayNotifications.signed(paidParams("25.99")));

        assertThat(payments.status("ada", order.id())).satisfies(s -> {
            assertThat(s.state()).isEqualTo(PayState.SUCCESS);
            assertThat(s.token()).isEqualTo(newer.token());
        });
    }

    private String notify(Map<String, String> params) {
        return http.postForm(NOTIFY, AlipayNotifications.form(params)).body();
    }

    private Map<String, String> paidParams(String amount) {
        return AlipayNotifications.paid(payment.outTradeNo(), tradeNo(), amount);
    }

    private String tradeNo() {
        return "2026120122001" + payment.outTradeNo().substring(0, 15);
    }

    private String origin() {
        return "http://127.0.0.1:" + gateway.gateway().getPort();
    }

    private String status(String outTradeNo) {
        return jdbc.queryForObject("SELECT status FROM pay_record WHERE out_trade_no = ?", String.class, outTradeNo);
    }

    private int outbox() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mq_message WHERE id = ? OR body LIKE ?", Integer.class,
                "pr-" + payment.outTradeNo(), "%\"" + payment.token() + "\"%");
    }

    private static Map<String, String> fields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        return fields;
    }
}
