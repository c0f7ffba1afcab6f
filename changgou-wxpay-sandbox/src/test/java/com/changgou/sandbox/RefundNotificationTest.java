package com.changgou.sandbox;

import static com.changgou.sandbox.support.RefundMerchant.JSON;
import static com.changgou.sandbox.support.RefundMerchant.newOutRefundNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.sandbox.support.RefundMerchant;
import com.changgou.sandbox.support.RefundMerchant.Paid;
import com.changgou.sandbox.support.RefundReceiver;
import com.changgou.sandbox.support.RefundReceiver.Received;
import com.changgou.sandbox.tls.RefundConnector;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RefundSandboxTest
class RefundNotificationTest {

    @LocalServerPort
    int port;
    @Autowired
    RefundConnector connector;
    RefundMerchant merchant;
    RefundReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        merchant = new RefundMerchant(port, connector.localPort());
        receiver = merchant.receiver;
    }

    @AfterEach
    void stop() {
        merchant.close();
    }

    /** Attempts are recorded once the merchant's answer is back, a moment after the receiver saw the POST. */
    private JsonNode attempts(String outRefundNo, int expected) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> merchant.view(outRefundNo).get("notifications").size() == expected);
        return merchant.view(outRefundNo).get("notifications");
    }

    @Test
    void aRefundCanEndClosedOrChangedAndIsNotifiedSo() {
        Paid trade = merchant.paid(100);
        String closed = newOutRefundNo();
        String changed = newOutRefundNo();
        merchant.fault("{\"outRefundNo\":\"%s\",\"mode\":\"REFUNDCLOSE\"}".formatted(closed));
        merchant.fault("{\"outRefundNo\":\"%s\",\"mode\":\"CHANGE\"}".formatted(changed));
        merchant.refund(trade, closed, 100);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(closed).size() == 1);
        assertThat(receiver.received(closed).get(0).info()).containsEntry("refund_status", "REFUNDCLOSE")
                .doesNotContainKey("success_time");
        assertThat(merchant.plain.call("/pay/refundquery", Map.of("out_refund_no", closed)))
                .containsEntry("refund_status_0", "REFUNDCLOSE");

        // a closed refund gave nothing back, so the whole amount can be refunded again, under a new out_refund_no
        merchant.refund(trade, changed, 100);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(changed).size() == 1);
        assertThat(receiver.received(changed).get(0).info()).containsEntry("refund_status", "CHANGE");
        assertThat(merchant.view(changed).get("faults").get(0).asString()).isEqualTo("CHANGE");
        assertThat(merchant.refund(trade, newOutRefundNo(), 1)).containsEntry("err_code", "INVALID_REQUEST");
    }

    @Test
    void dropLosesTheFirstAttemptsAndTheRetryScheduleDeliversLater() {
        Paid trade = merchant.paid(10);
        String dropped = newOutRefundNo();
        String never = newOutRefundNo();
        merchant.fault("{\"outRefundNo\":\"%s\",\"mode\":\"DROP\",\"count\":2}".formatted(dropped));
        merchant.fault("{\"outRefundNo\":\"%s\",\"mode\":\"DROP\"}".formatted(never));
        merchant.refund(trade, dropped, 5);
        merchant.refund(trade, never, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(dropped).size() == 1);
        JsonNode attempts = attempts(dropped, 3);
        assertThat(attempts.get(0).get("kind").asString()).isEqualTo("DROPPED");
        assertThat(attempts.get(1).get("kind").asString()).isEqualTo("DROPPED");
        assertThat(attempts.get(2).get("attempt").asInt()).isEqualTo(3);
        assertThat(attempts.get(2).get("acknowledged").asBoolean()).isTrue();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received(never).isEmpty());
        assertThat(merchant.view(never).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(merchant.view(never).get("notifications").size()).isZero();
    }

    @Test
    void duplicateAndDelayBendTheNotification() {
        Paid trade = merchant.paid(10);
        String duplicated = newOutRefundNo();
        String delayed = newOutRefundNo();
        merchant.fault("{\"outRefundNo\":\"%s\",\"mode\":\"DUPLICATE\",\"count\":3}".formatted(duplicated));
        merchant.fault("{\"outRefundNo\":\"%s\",\"mode\":\"DELAY\",\"delayMillis\":3000}".formatted(delayed));
        merchant.refund(trade, duplicated, 5);
        merchant.refund(trade, delayed, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(duplicated).size() == 3);
        assertThat(receiver.received(duplicated)).extracting(copy -> copy.info().get("refund_id"))
                .containsOnly(receiver.received(duplicated).get(0).info().get("refund_id"));
        // ended after ~1 s, then 3 s more: nothing for a while, then exactly one
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received(delayed).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(delayed).size() == 1);
    }

    @Test
    void aMerchantThatRepliesFailIsRetriedUntilItSaysSuccess() {
        Paid trade = merchant.paid(10);
        String outRefundNo = newOutRefundNo();
        receiver.failFirst(outRefundNo, 2);
        merchant.refund(trade, outRefundNo, 10);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(outRefundNo).size() == 3);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received(outRefundNo).size() == 3);
        JsonNode attempts = attempts(outRefundNo, 3);
        assertThat(attempts.get(0).get("acknowledged").asBoolean()).isFalse();
        assertThat(attempts.get(2).get("acknowledged").asBoolean()).isTrue();
    }

    @Test
    void aNotificationOfAnUnknownRefundIsCorrectlyEncrypted() {
        HttpResponse<String> sent = merchant.plain.postJson("/sandbox/api/refund-notifications/unknown",
                "{\"notifyUrl\":\"%s\",\"outRefundNo\":\"RMADEUP1\",\"refundFee\":5,\"totalFee\":9}"
                        .formatted(receiver.url()));
        assertThat(sent.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(sent.body());
        assertThat(answer.get("attempt").get("acknowledged").asBoolean()).isTrue();
        List<Received> received = receiver.received("RMADEUP1");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).info()).containsEntry("refund_status", "SUCCESS")
                .containsEntry("refund_fee", "5").containsEntry("total_fee", "9")
                .containsEntry("refund_id", answer.get("refundId").asString())
                .containsEntry("out_trade_no", answer.get("outTradeNo").asString());
        assertThat(merchant.plain.get("/sandbox/api/refunds/RMADEUP1").statusCode()).isEqualTo(404);
        assertThat(merchant.plain.postJson("/sandbox/api/refund-notifications/unknown", "{}").statusCode())
                .isEqualTo(400);
        assertThat(merchant.plain.postJson("/sandbox/api/refund-faults", "{\"mode\":\"NOPE\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theConsoleAndTheListShowRefundsBesidePayments() {
        Paid trade = merchant.paid(123);
        String outRefundNo = newOutRefundNo();
        merchant.refund(trade, outRefundNo, 23);
        String page = merchant.plain.get("/").body();
        assertThat(page).contains("Refunds").contains(outRefundNo).contains("0.23").contains(trade.outTradeNo());
        JsonNode list = JSON.readTree(merchant.plain.get("/sandbox/api/refunds").body());
        assertThat(list.get(0).get("outRefundNo").asString()).isEqualTo(outRefundNo);
        assertThat(JSON.readTree(merchant.plain.get("/sandbox/api/stats").body()).get("refunds").asInt())
                .isPositive();
    }
}
