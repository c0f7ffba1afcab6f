package com.changgou.pay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.order.api.OrderView;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.message.PayNotifyMessage;
import com.changgou.pay.api.message.PayResultMessage;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.PayIntegrationTest;
import com.changgou.pay.wechat.PayNotification;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

class NotifyFlowTest extends PayIntegrationTest {

    private static final String NOTIFY = "/pay/wxpay/notify";

    @Autowired
    Payments payments;
    @Autowired
    JsonMapper json;
    @Value("${local.server.port}")
    int port;

    Http http;
    OrderView order;
    NativePayment payment;

    @BeforeEach
    void startPayment() {
        http = new Http(port);
        order = orders.unpaid("alice", 2599);
        payment = payments.nativePay("alice", order.id());
    }

    @Test
    void aNotificationIsStoredAndReachesTheOrderQueueAndTheBrowsers() throws Exception {
        String resultQueue = payResultQueue();
        String notifyQueue = payNotifyQueue();

        HttpResponse<String> reply = http.postXml(NOTIFY, wechat.notificationBody(paid(2599, "4200001")));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("SUCCESS");
        assertThat(jdbc.queryForMap("SELECT status, transaction_id, raw_notify FROM pay_record WHERE out_trade_no = ?",
                payment.outTradeNo()))
                .containsEntry("status", "SUCCESS").containsEntry("transaction_id", "4200001")
                .containsEntry("raw_notify", "<xml>raw</xml>");
        assertThat(jdbc.queryForList("SELECT to_status FROM pay_log WHERE out_trade_no = ? ORDER BY id", String.class,
                payment.outTradeNo())).containsExactly("NOTPAY", "SUCCESS");

        Message result = awaitMessage(resultQueue, "pr-" + payment.outTradeNo());
        assertThat(result.getMessageProperties().getContentType()).isEqualTo("application/json");
        PayResultMessage paid = json.readValue(result.getBody(), PayResultMessage.class);
        assertThat(paid.orderId()).isEqualTo(order.id());
        assertThat(paid.outTradeNo()).isEqualTo(payment.outTradeNo());
        assertThat(paid.totalFee()).isEqualTo(2599);
        assertThat(paid.transactionId()).isEqualTo("4200001");
        assertThat(paid.type()).isEqualTo(PayResultMessage.TYPE);
        assertThat(result.getMessageProperties().getMessageId()).isEqualTo(paid.messageId());

        Message broadcast = awaitMessage(notifyQueue, m -> new String(m.getBody()).contains(payment.token()));
        PayNotifyMessage push = json.readValue(broadcast.getBody(), PayNotifyMessage.class);
        assertThat(push.token()).isEqualTo(payment.token());
        assertThat(push.state()).isEqualTo(PayState.SUCCESS);
        // A broadcast every shopper can read says nothing about whose order it was.
        assertThat(new String(broadcast.getBody())).doesNotContain(order.id()).doesNotContain("alice")
                .doesNotContain("2599");

        await().atMost(Duration.ofSeconds(10)).until(() -> outboxStates().equals(List.of("SENT", "SENT")));
    }

    @Test
    void theSameNotificationFiveTimesMovesTheRecordOnceAndPublishesOneResult() {
        String resultQueue = payResultQueue();
        byte[] body = wechat.notificationBody(paid(2599, "4200002"));

        List<HttpResponse<String>> replies = IntStream.range(0, 5)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.postXml(NOTIFY, body)))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(replies).allSatisfy(r -> assertThat(r.body()).contains("SUCCESS").doesNotContain("FAIL"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pay_log WHERE out_trade_no = ? AND to_status = 'SUCCESS'",
                Integer.class, payment.outTradeNo())).isEqualTo(1);
        assertThat(outboxStates()).hasSize(2);
        awaitMessage(resultQueue, "pr-" + payment.outTradeNo());
        assertThat(drain(resultQueue, Duration.ofMillis(1500)))
                .noneMatch(m -> m.getMessageProperties().getMessageId().equals("pr-" + payment.outTradeNo()));
    }

    @Test
    void aTamperedAmountIsRefusedAndChangesNothing() {
        HttpResponse<String> reply = http.postXml(NOTIFY, wechat.notificationBody(paid(1, "4200003")));

        assertThat(reply.body()).contains("FAIL");
        assertUnchanged();
    }

    @Test
    void anUnknownOutTradeNoIsRefused() {
        PayNotification stranger = new PayNotification("wxtest0000000000", "1900000009", "NO-SUCH-TRADE", "4200004",
                2599, 2599, "openid", "NATIVE", "OTHERS", Instant.parse("2026-12-01T04:00:00Z"), "<xml>raw</xml>");

        HttpResponse<String> reply = http.postXml(NOTIFY, wechat.notificationBody(stranger));

        assertThat(reply.body()).contains("FAIL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mq_message WHERE body LIKE ?", Integer.class,
                "%NO-SUCH-TRADE%")).isZero();
        assertUnchanged();
    }

    @Test
    void aBodyTheClientCannotVerifyIsRefused() {
        HttpResponse<String> reply = http.postXml(NOTIFY, "<xml><forged/></xml>".getBytes());

        assertThat(reply.body()).contains("FAIL");
        assertUnchanged();
    }

    @Test
    void anOversizedBodyIsRefusedWhetherDeclaredOrChunked() {
        byte[] huge = new byte[NotifyController.MAX_BODY_BYTES + 1];

        assertThat(http.postXml(NOTIFY, huge).statusCode()).isEqualTo(413);
        HttpResponse<String> chunked = http.postXmlChunked(NOTIFY, huge);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("FAIL");
        assertUnchanged();
    }

    private void assertUnchanged() {
        assertThat(jdbc.queryForObject("SELECT status FROM pay_record WHERE out_trade_no = ?", String.class,
                payment.outTradeNo())).isEqualTo("NOTPAY");
        assertThat(outboxStates()).isEmpty();
    }

    private PayNotification paid(long totalFee, String transactionId) {
        return new PayNotification("wxtest0000000000", "1900000009", payment.outTradeNo(), transactionId, totalFee,
                totalFee, "openid", "NATIVE", "OTHERS", Instant.parse("2026-12-01T04:00:00Z"), "<xml>raw</xml>");
    }

    private List<String> outboxStates() {
        // The broadcast's id is random, so it is found by the token it carries.
        return jdbc.queryForList("SELECT state FROM mq_message WHERE id = ? OR body LIKE ?", String.class,
                "pr-" + payment.outTradeNo(), "%\"" + payment.token() + "\"%");
    }

}
