package com.changgou.pay.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.message.PayNotifyMessage;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.PayIntegrationTest;
import com.changgou.pay.wechat.PayNotification;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What becomes of the pay service's own messages in the outbox (the changgou-outbox module, whose tests
 * cover the relay itself): a payment WeChat reports while the broker is down, and a browser push that no
 * browser waits for.
 */
class PayOutboxTest extends PayIntegrationTest {

    @Autowired
    CachingConnectionFactory connectionFactory;
    @Autowired
    Payments payments;
    @Value("${local.server.port}")
    int port;

    @Test
    void aPaymentNotifiedWhileTheBrokerIsDownIsAcceptedAndPublishedOnceTheBrokerIsBack() throws IOException {
        String resultQueue = payResultQueue();
        NativePayment payment = payments.nativePay("bob", orders.unpaid("bob", 990).id());
        String resultId = "pr-" + payment.outTradeNo();

        connectRabbitTo(portNobodyListensOn());
        try {
            // Stored is what WeChat needs to hear; the broker's state is the relay's problem.
            assertThat(notifyPaid(payment, 990, "4200100").body()).contains("SUCCESS");
            await().atMost(Duration.ofSeconds(15)).until(() -> attempts(row(resultId)) >= 2);
            assertThat(row(resultId)).containsEntry("state", "NEW");
        } finally {
            connectRabbitTo(5672);
        }

        assertThat(new String(awaitMessage(resultQueue, resultId).getBody())).contains("4200100");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(resultId).get("state")));
    }

    /** paynotify is declared a broadcast: its return says "nobody is looking at this QR code", not "retry". */
    @Test
    void aBrowserPushNoBrowserWaitsForIsSentOnceAndNeverRetried() {
        // order.pay must exist, or the broker closes the channel of the whole batch, the push's included
        String resultQueue = payResultQueue();
        NativePayment payment = payments.nativePay("carol", orders.unpaid("carol", 1200).id());

        assertThat(notifyPaid(payment, 1200, "4200101").body()).contains("SUCCESS");

        awaitMessage(resultQueue, "pr-" + payment.outTradeNo());
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(push(payment).get("state")));
        assertThat(attempts(push(payment))).isOne();
    }

    private HttpResponse<String> notifyPaid(NativePayment payment, long fee, String transactionId) {
        PayNotification paid = new PayNotification("wxtest0000000000", "1900000009", payment.outTradeNo(),
                transactionId, fee, fee, "openid", "NATIVE", "OTHERS", Instant.parse("2026-12-01T04:00:00Z"), "<xml/>");
        return new Http(port).postXml("/pay/wxpay/notify", wechat.notificationBody(paid));
    }

    private Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT state, attempts FROM mq_message WHERE id = ?", id);
    }

    /** The push's id is random: it is found by the token it carries. */
    private Map<String, Object> push(NativePayment payment) {
        return jdbc.queryForMap("SELECT state, attempts FROM mq_message WHERE type = ? AND body LIKE ?",
                PayNotifyMessage.TYPE, "%\"" + payment.token() + "\"%");
    }

    private static int attempts(Map<String, Object> row) {
        return ((Number) row.get("attempts")).intValue();
    }

    private void connectRabbitTo(int port) {
        connectionFactory.setAddresses("127.0.0.1:" + port);
        connectionFactory.resetConnection();
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
