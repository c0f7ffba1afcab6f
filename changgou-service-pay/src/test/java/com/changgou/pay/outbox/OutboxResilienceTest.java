package com.changgou.pay.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.order.api.OrderView;
import com.changgou.pay.api.NativePayment;
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
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class OutboxResilienceTest extends PayIntegrationTest {

    @Autowired
    CachingConnectionFactory connectionFactory;
    @Autowired
    Payments payments;
    @Value("${local.server.port}")
    int port;

    @Test
    void aPaymentNotifiedWhileTheBrokerIsDownIsAcceptedAndPublishedOnceTheBrokerIsBack() throws IOException {
        String resultQueue = payResultQueue();
        OrderView order = orders.unpaid("bob", 990);
        NativePayment payment = payments.nativePay("bob", order.id());
        String rowId = "pr-" + payment.outTradeNo();

        pointRabbitAt("127.0.0.1:" + closedPort());
        try {
            HttpResponse<String> reply = new Http(port).postXml("/pay/wxpay/notify", wechat.notificationBody(
                    new PayNotification("wxtest0000000000", "1900000009", payment.outTradeNo(), "4200100", 990, 990,
                            "openid", "NATIVE", "OTHERS", Instant.parse("2026-12-01T04:00:00Z"), "<xml/>")));

            // Stored is what WeChat needs to hear; the broker's state is the relay's problem.
            assertThat(reply.body()).contains("SUCCESS");
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Map<String, Object> row = row(rowId);
                return "NEW".equals(row.get("state")) && ((Number) row.get("attempts")).intValue() >= 2;
            });
        } finally {
            pointRabbitAt("127.0.0.1:5672");
        }

        Message published = awaitMessage(resultQueue, rowId);
        assertThat(new String(published.getBody())).contains("4200100");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(rowId).get("state")));
    }

    private Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT state, attempts FROM mq_message WHERE id = ?", id);
    }

    private void pointRabbitAt(String address) {
        connectionFactory.setAddresses(address);
        connectionFactory.resetConnection();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
