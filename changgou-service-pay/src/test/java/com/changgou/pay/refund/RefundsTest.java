package com.changgou.pay.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.pay.api.PayState;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.RefundView;
import com.changgou.pay.api.message.PayNotifyMessage;
import com.changgou.pay.api.message.RefundResultMessage;
import com.changgou.pay.metrics.PayMetrics;
import com.changgou.pay.wechat.RefundApplyAnswer;
import com.changgou.pay.wechat.RefundApplyAnswer.Trouble;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class RefundsTest extends RefundTestSupport {

    @Autowired
    Refunds refunds;
    @Autowired
    RefundWorker worker;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void noLatency() {
        wechat.refundLatency = Duration.ZERO;
    }

    @Test
    void aRefundWithinThePaymentIsStoredThenAskedAtOnceAndIsProcessing() {
        Paid paid = paid(1000);
        String no = refundNo();
        double pending = refunds("pending");
        double processing = refunds("processing");

        RefundView view = refunds.refund(new RefundCommand(no, paid.orderId(), null, 300, "size does not fit"));

        assertThat(view.state()).isEqualTo(RefundState.PROCESSING);
        assertThat(refunds("pending") - pending).isEqualTo(1.0);
        assertThat(refunds("processing") - processing).isEqualTo(1.0);
        assertThat(view).extracting(RefundView::outTradeNo, RefundView::transactionId, RefundView::refundFee,
                RefundView::totalFee).containsExactly(paid.outTradeNo(), paid.transactionId(), 300L, 1000L);
        assertThat(wechat.refundAsks).filteredOn(a -> a.outRefundNo().equals(no)).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("size does not fit"))
                .satisfies(a -> assertThat(a.totalFee()).isEqualTo(1000));
        assertThat(jdbc.queryForObject("SELECT refund_id FROM refund_record WHERE out_refund_no = ?", String.class, no))
                .isEqualTo(wechat.refundIdOf(no));
        assertThat(jdbc.queryForList("SELECT CONCAT(COALESCE(from_state, '-'), '>', to_state, ' ', actor) FROM refund_log"
                + " WHERE out_refund_no = ? ORDER BY id", String.class, no))
                .containsExactly("->PENDING ORDER_SERVICE", "PENDING>PROCESSING REFUND_APPLY");
        // A refund is its own record: the payment stays SUCCESS.
        assertThat(jdbc.queryForObject("SELECT status FROM pay_record WHERE out_trade_no = ?", String.class,
                paid.outTradeNo())).isEqualTo("SUCCESS");
    }

    @Test
    void moreThanIsLeftIsStoredRefusedWithTheReasonAndTheOrderServiceHearsOfIt() {
        String queue = refundResultQueue();
        Paid paid = paid(1000);
        refunds.refund(new RefundCommand(refundNo(), paid.orderId(), null, 600, null));
        String no = refundNo();

        RefundView view = refunds.refund(new RefundCommand(no, paid.orderId(), paid.transactionId(), 500, null));

        assertThat(view.state()).isEqualTo(RefundState.REFUSED);
        assertThat(view.refusal()).isEqualTo("exceeds what is left: 400 fen");
        assertThat(wechat.asksFor(no)).isZero();
        Message message = awaitMessage(queue, "rr-" + no + "-REFUSED");
        RefundResultMessage result = json.readValue(message.getBody(), RefundResultMessage.class);
        assertThat(result.state()).isEqualTo(RefundState.REFUSED);
        assertThat(result.reason()).isEqualTo("exceeds what is left: 400 fen");
        assertThat(result.orderId()).isEqualTo(paid.orderId());
        assertThat(message.getMessageProperties().getType()).isEqualTo("order.refund");
    }

    @Test
    void concurrentRefundsOfOnePaymentNeverAddUpToMoreThanItTook() {
        Paid paid = paid(1000);
        wechat.refundLatency = Duration.ofMillis(50);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<RefundView> views;
        try {
            views = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> refunds.refund(
                            new RefundCommand(refundNo(), paid.orderId(), null, 300, null)), threads))
                    .toList().stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }

        assertThat(views).filteredOn(v -> v.state() != RefundState.REFUSED).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT SUM(refund_fee) FROM refund_record WHERE out_trade_no = ?"
                + " AND state <> 'REFUSED'", Long.class, paid.outTradeNo())).isEqualTo(900L);
        assertThat(views).filteredOn(v -> v.state() == RefundState.REFUSED)
                .allSatisfy(v -> assertThat(v.refusal()).isEqualTo("exceeds what is left: 100 fen"));
    }

    @Test
    void aKnownOutRefundNoIsAnsweredAsItStandsAndAnotherOrderOrAmountUnderItIsAConflict() {
        Paid paid = paid(1000);
        Paid other = paid(1000);
        String no = refundNo();
        RefundView first = refunds.refund(new RefundCommand(no, paid.orderId(), null, 200, null));

        RefundView again = refunds.refund(new RefundCommand(no, paid.orderId(), null, 200, null));

        assertThat(again).isEqualTo(first);
        assertThat(wechat.asksFor(no)).isEqualTo(1);
        assertThatThrownBy(() -> refunds.refund(new RefundCommand(no, paid.orderId(), null, 201, null)))
                .isInstanceOf(RefundConflictException.class).hasMessageContaining("refund " + no + " is 200 fen");
        assertThatThrownBy(() -> refunds.refund(new RefundCommand(no, other.orderId(), null, 200, null)))
                .isInstanceOf(RefundConflictException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refund_record WHERE out_refund_no = ?", Integer.class, no))
                .isEqualTo(1);
    }

    @Test
    void notEnoughBalanceWaitsPendingAndTheNextAskWithTheSameNumberIsOneRefund() {
        Paid paid = paid(1000);
        String no = refundNo();
        wechat.refundAnswers(no, RefundApplyAnswer.retryLater(Trouble.NOT_ENOUGH_BALANCE, "NOTENOUGH", "余额不足"));

        RefundView view = refunds.refund(new RefundCommand(no, paid.orderId(), null, 400, null));

        assertThat(view.state()).isEqualTo(RefundState.PENDING);
        assertThat(jdbc.queryForObject("SELECT attempts FROM refund_record WHERE out_refund_no = ?", Integer.class, no))
                .isEqualTo(1);
        worker.workOnce();
        assertThat(wechat.asksFor(no)).as("not asked again before its back-off").isEqualTo(1);

        due(no);
        worker.workOnce();

        assertThat(state(no)).isEqualTo("PROCESSING");
        assertThat(wechat.refundAsks).filteredOn(a -> a.outRefundNo().equals(no)).hasSize(2)
                .allSatisfy(a -> assertThat(a.refundFee()).isEqualTo(400));
        assertThat(wechat.refundsMade).containsKey(no);
        assertThat(jdbc.queryForObject("SELECT refund_id FROM refund_record WHERE out_refund_no = ?", String.class, no))
                .isEqualTo(wechat.refundIdOf(no));
    }

    @Test
    void anAcceptedRefundWhoseAnswerWasLostIsAskedAgainWithTheSameNumberAndStaysOneRefund() {
        Paid paid = paid(1000);
        String no = refundNo();
        wechat.answerLostOnce(no);

        assertThat(refunds.refund(new RefundCommand(no, paid.orderId(), null, 250, null)).state())
                .isEqualTo(RefundState.PENDING);
        String refundIdAtWechat = wechat.refundIdOf(no);
        due(no);
        worker.workOnce();

        assertThat(state(no)).isEqualTo("PROCESSING");
        assertThat(wechat.asksFor(no)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT refund_id FROM refund_record WHERE out_refund_no = ?", String.class, no))
                .isEqualTo(refundIdAtWechat);
    }

    @Test
    void aRefundWechatRefusesForGoodIsRefusedWithItsReason() {
        String queue = refundResultQueue();
        Paid paid = paid(1000);
        String no = refundNo();
        wechat.refundAnswers(no, RefundApplyAnswer.refused("TRADE_STATE_ERROR", "订单状态错误"));

        RefundView view = refunds.refund(new RefundCommand(no, paid.orderId(), null, 100, null));

        assertThat(view.state()).isEqualTo(RefundState.REFUSED);
        assertThat(view.refusal()).contains("TRADE_STATE_ERROR").contains("订单状态错误");
        assertThat(json.readValue(awaitMessage(queue, "rr-" + no + "-REFUSED").getBody(), RefundResultMessage.class)
                .reason()).contains("TRADE_STATE_ERROR");
        // Refused refunds hold no money: the whole payment is left to refund.
        assertThat(refunds.refund(new RefundCommand(refundNo(), paid.orderId(), null, 1000, null)).state())
                .isEqualTo(RefundState.PROCESSING);
    }

    @Test
    void anUnreachableOrCertificateLessWechatKeepsTheRefundPendingAndBacksOff() {
        Paid paid = paid(1000);
        String no = refundNo();
        wechat.refundAnswers(no, RefundApplyAnswer.retryLater(Trouble.NO_CERTIFICATE, null, "WXPAY_CERT_PATH is not set"),
                RefundApplyAnswer.retryLater(Trouble.TLS_REFUSED, null, "bad_certificate"));

        refunds.refund(new RefundCommand(no, paid.orderId(), null, 100, null));
        due(no);
        worker.workOnce();

        assertThat(state(no)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT attempts FROM refund_record WHERE out_refund_no = ?", Integer.class, no))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT TIMESTAMPDIFF(SECOND, update_time, next_try_at) FROM refund_record"
                + " WHERE out_refund_no = ?", Long.class, no)).as("doubled back-off: 10 s after the second ask")
                .isBetween(8L, 11L);
    }

    @Test
    void refundqueryFindsWhatADroppedNotificationWouldHaveSaid() {
        String queue = refundResultQueue();
        String browsers = payNotifyQueue();
        Paid paid = paid(1000);
        String no = refundNo();
        refunds.refund(new RefundCommand(no, paid.orderId(), null, 1000, null));
        worker.workOnce();
        assertThat(wechat.refundQueries).as("still inside the grace").doesNotContain(no);

        wechat.refundState(no, RefundState.PROCESSING);
        due(no);
        worker.workOnce();
        assertThat(state(no)).isEqualTo("PROCESSING");

        wechat.refundState(no, RefundState.SUCCESS);
        due(no);
        double found = meters.get(PayMetrics.REFUND_QUERY_FINDS).tag("state", "success").counter().count();
        worker.workOnce();

        assertThat(state(no)).isEqualTo("SUCCESS");
        assertThat(meters.get(PayMetrics.REFUND_QUERY_FINDS).tag("state", "success").counter().count() - found)
                .isEqualTo(1.0);
        RefundResultMessage result = json.readValue(awaitMessage(queue, "rr-" + no + "-SUCCESS").getBody(),
                RefundResultMessage.class);
        assertThat(result.refundFee()).isEqualTo(1000);
        assertThat(result.refundedAt()).isNotNull();
        PayNotifyMessage push = json.readValue(awaitMessage(browsers,
                m -> new String(m.getBody()).contains(paid.token()) && new String(m.getBody()).contains("REFUND"))
                .getBody(), PayNotifyMessage.class);
        assertThat(push.state()).isEqualTo(PayState.REFUND);
        assertThat(jdbc.queryForList("SELECT actor FROM refund_log WHERE out_refund_no = ? AND to_state = 'SUCCESS'",
                String.class, no)).containsExactly("REFUND_QUERY");
        assertThat(jdbc.queryForObject("SELECT next_try_at IS NULL FROM refund_record WHERE out_refund_no = ?",
                Boolean.class, no)).isTrue();
    }

    @Test
    void twoWorkersAtOnceAskAboutEachRefundOnce() {
        Paid paid = paid(10_000);
        List<String> nos = IntStream.range(0, 10).mapToObj(i -> refundNo()).toList();
        nos.forEach(no -> wechat.refundAnswers(no, RefundApplyAnswer.retryLater(Trouble.WECHAT_BUSY, "SYSTEMERROR", "busy")));
        nos.forEach(no -> refunds.refund(new RefundCommand(no, paid.orderId(), null, 100, null)));
        nos.forEach(this::due);
        wechat.refundLatency = Duration.ofMillis(30);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture.allOf(CompletableFuture.runAsync(worker::workOnce, threads),
                    CompletableFuture.runAsync(worker::workOnce, threads)).join();
        } finally {
            threads.shutdownNow();
        }

        assertThat(nos).allSatisfy(no -> assertThat(wechat.asksFor(no)).isEqualTo(2));
        assertThat(nos).allSatisfy(no -> assertThat(state(no)).isEqualTo("PROCESSING"));
    }

    @Test
    void anOrderWithoutASuccessfulPaymentHasNothingToRefund() {
        assertThatThrownBy(() -> refunds.refund(new RefundCommand(refundNo(), "9999999999", null, 1, null)))
                .isInstanceOf(RefundNotFoundException.class).hasMessage("no payment for order 9999999999");
        String unpaid = orders.unpaid("rhea", 500).id();
        payments.nativePay("rhea", unpaid);
        assertThatThrownBy(() -> refunds.refund(new RefundCommand(refundNo(), unpaid, null, 1, null)))
                .isInstanceOf(RefundConflictException.class)
                .hasMessage("order %s has no successful payment to refund".formatted(unpaid));
        Paid paid = paid(500);
        assertThatThrownBy(() -> refunds.refund(new RefundCommand(refundNo(), paid.orderId(), "4200999", 1, null)))
                .isInstanceOf(RefundNotFoundException.class).hasMessageContaining("no payment with transaction 4200999");
    }

    private double refunds(String state) {
        return meters.get(PayMetrics.REFUNDS).tag("state", state).counter().count();
    }
}
