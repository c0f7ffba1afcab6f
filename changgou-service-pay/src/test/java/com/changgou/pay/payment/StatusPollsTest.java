package com.changgou.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.changgou.order.api.OrderView;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PayState;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.PayIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Shoppers' status polls answer the stored state. WeChat hears about an unpaid record from them
 * at most once per {@code pay.status-query-interval}, and never about a paid one.
 */
class StatusPollsTest extends PayIntegrationTest {

    @Autowired
    Payments payments;
    @Autowired
    PaymentConfirmations confirmations;
    @Autowired
    PaymentsProperties props;
    @Value("${local.server.port}")
    int port;

    @Test
    void fiftyConcurrentPollsOfAnUnpaidPaymentMakeOneOrderqueryAndAPollAfterTheIntervalMakesOneMore() {
        NativePayment payment = start("hana", 300);

        assertThat(pollConcurrently("hana", payment.orderId(), 50)).containsOnly(PayState.NOTPAY);
        // The claim was taken during the burst, so by now + interval it has surely run out.
        Instant intervalOver = Instant.now().plus(props.statusQueryInterval());

        assertThat(queriesOf(payment)).isEqualTo(1);
        await().atMost(props.statusQueryInterval().plusSeconds(10)).until(() -> Instant.now().isAfter(intervalOver));
        assertThat(payments.status("hana", payment.orderId()).state()).isEqualTo(PayState.NOTPAY);
        assertThat(queriesOf(payment)).isEqualTo(2);
        assertThat(payments.status("hana", payment.orderId()).state()).isEqualTo(PayState.NOTPAY);
        assertThat(queriesOf(payment)).isEqualTo(2);
    }

    @Test
    void aPaidPaymentIsNeverAskedAboutByStatusPolls() {
        String resultQueue = payResultQueue();
        NativePayment payment = start("ivan", 400);
        confirmations.confirm(new PaidTrade(payment.outTradeNo(), "4200900", 400, Instant.parse("2026-12-01T04:00:00Z"), "<xml/>"),
                Actor.WECHAT_NOTIFY);
        awaitMessage(resultQueue, "pr-" + payment.outTradeNo());

        assertThat(pollConcurrently("ivan", payment.orderId(), 20)).containsOnly(PayState.SUCCESS);

        assertThat(queriesOf(payment)).isZero();
        assertThat(jdbc.queryForObject("SELECT status_query_after IS NULL FROM pay_record WHERE out_trade_no = ?",
                Boolean.class, payment.outTradeNo())).isTrue();
    }

    @Test
    void statusOfAnotherShoppersOrderIsNotFoundEvenWithTheOwnersNameInUpperCase() {
        NativePayment payment = start("judy", 500);
        Http http = new Http(port);

        assertThatThrownBy(() -> payments.status("mallory", payment.orderId()))
                .isInstanceOf(PaymentNotFoundException.class);
        assertThatThrownBy(() -> payments.status("JUDY", payment.orderId()))
                .isInstanceOf(PaymentNotFoundException.class)
                .hasMessage("no payment for order %s".formatted(payment.orderId()));
        assertThat(http.get(PayFeign.PATH + "/status?orderId=" + payment.orderId(), "JUDY").statusCode())
                .isEqualTo(404);
        assertThat(queriesOf(payment)).isZero();
        // The column itself compares byte for byte, so no query by name can mix the two up either.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pay_record WHERE order_id = ? AND username = ?",
                Integer.class, payment.orderId(), "JUDY")).isZero();
    }

    private NativePayment start(String username, long fen) {
        OrderView order = orders.unpaid(username, fen);
        return payments.nativePay(username, order.id());
    }

    /** {@code polls} status calls released at the same moment from as many threads. */
    private List<PayState> pollConcurrently(String username, String orderId, int polls) {
        ExecutorService pollers = Executors.newFixedThreadPool(polls);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<PayState>> answers = IntStream.range(0, polls)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return payments.status(username, orderId).state();
                    }, pollers))
                    .toList();
            go.countDown();
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            pollers.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long queriesOf(NativePayment payment) {
        return wechat.queries.stream().filter(payment.outTradeNo()::equals).count();
    }
}
