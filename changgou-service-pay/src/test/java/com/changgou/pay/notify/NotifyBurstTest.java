package com.changgou.pay.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.pay.api.NativePayment;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.PayIntegrationTest;
import com.changgou.pay.wechat.PayNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Many shoppers paying at once: every payment stored once, every result published once. */
class NotifyBurstTest extends PayIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(NotifyBurstTest.class);
    private static final int PAYMENTS = 200;

    @Autowired
    Payments payments;
    @Value("${local.server.port}")
    int port;

    @Test
    void aBurstOfNotificationsIsStoredAndPublishedExactlyOnceEach() throws Exception {
        String resultQueue = payResultQueue();
        List<NativePayment> started = IntStream.range(0, PAYMENTS)
                .mapToObj(i -> payments.nativePay("burst", orders.unpaid("burst", 100 + i).id()))
                .toList();
        List<byte[]> bodies = started.stream().map(p -> wechat.notificationBody(new PayNotification(
                "wxtest0000000000", "1900000009", p.outTradeNo(), "42" + p.outTradeNo(), p.totalFee(), p.totalFee(),
                "openid", "NATIVE", "OTHERS", Instant.parse("2026-12-01T04:00:00Z"), "<xml/>"))).toList();
        Http http = new Http(port);

        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> replies = bodies.stream()
                    .map(body -> clients.submit(() -> http.postXml("/pay/wxpay/notify", body).body()))
                    .toList();
            for (Future<String> reply : replies) {
                assertThat(reply.get()).contains("SUCCESS");
            }
        } finally {
            clients.shutdown();
        }
        Set<String> expected = started.stream().map(p -> "pr-" + p.outTradeNo()).collect(Collectors.toSet());
        List<String> received = drain(resultQueue, Duration.ofSeconds(2)).stream()
                .map(m -> m.getMessageProperties().getMessageId())
                .filter(expected::contains)
                .toList();
        log.info("{} notifications stored and published in {} ms", PAYMENTS,
                Duration.ofNanos(System.nanoTime() - start).minusSeconds(2).toMillis());

        assertThat(received).doesNotHaveDuplicates().hasSize(PAYMENTS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pay_record WHERE username = 'burst' AND status = 'SUCCESS'",
                Integer.class)).isEqualTo(PAYMENTS);
    }
}
