package com.changgou.pay.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.order.api.OrderView;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.metrics.PayMetrics;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.support.PayIntegrationTest;
import com.changgou.pay.wechat.TradeState;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReconcilerTest extends PayIntegrationTest {

    @Autowired
    Reconciler reconciler;
    @Autowired
    Payments payments;
    @Autowired
    MeterRegistry meters;

    @Test
    void aPaymentWhoseNotificationNeverCameIsFoundAndApplied() {
        NativePayment payment = pastGrace(start(300));
        wechat.paidAtWechat(payment.outTradeNo(), "4200500", 300);
        double finds = meters.get(PayMetrics.RECONCILIATION_FINDS).tag("channel", "wechat").tag("state", "success")
                .counter().count();
        double paid = meters.get(PayMetrics.PAYMENTS_PAID).tag("channel", "wechat").tag("source", "reconciliation")
                .counter().count();

        reconciler.reconcileOnce();

        assertThat(status(payment)).isEqualTo("SUCCESS");
        assertThat(meters.get(PayMetrics.RECONCILIATION_FINDS).tag("channel", "wechat").tag("state", "success")
                .counter().count() - finds).isEqualTo(1.0);
        assertThat(meters.get(PayMetrics.PAYMENTS_PAID).tag("channel", "wechat").tag("source", "reconciliation")
                .counter().count() - paid).isEqualTo(1.0);
        assertThat(jdbc.queryForList("SELECT actor FROM pay_log WHERE out_trade_no = ? AND to_status = 'SUCCESS'",
                String.class, payment.outTradeNo())).containsExactly("RECONCILE");
    }

    @Test
    void aRecordStillInItsGracePeriodIsNotAsked() {
        NativePayment payment = start(300);

        reconciler.reconcileOnce();

        assertThat(wechat.queries).doesNotContain(payment.outTradeNo());
    }

    @Test
    void aTradeClosedAtWechatIsClosedHere() {
        NativePayment payment = pastGrace(start(300));
        wechat.tradeState(payment.outTradeNo(), TradeState.CLOSED);

        reconciler.reconcileOnce();

        assertThat(status(payment)).isEqualTo("CLOSED");
    }

    @Test
    void anUnpaidRecordIsAskedAgainOnlyAfterItsBackOffAndNotAtAllOnceExpired() {
        NativePayment pending = pastGrace(start(300));
        NativePayment expired = pastGrace(start(300));
        jdbc.update("UPDATE pay_record SET time_expire = ? WHERE out_trade_no = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), expired.outTradeNo());

        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertThat(queriesOf(pending)).isEqualTo(1);
        assertThat(queriesOf(expired)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT query_attempts FROM pay_record WHERE out_trade_no = ?", Integer.class,
                pending.outTradeNo())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT next_query_at IS NULL FROM pay_record WHERE out_trade_no = ?",
                Boolean.class, expired.outTradeNo())).isTrue();
        assertThat(status(expired)).isEqualTo("NOTPAY");
    }

    @Test
    void twoInstancesReconcilingAtOnceAskAboutEachRecordOnce() {
        List<NativePayment> due = IntStream.range(0, 20).mapToObj(i -> pastGrace(start(100 + i))).toList();

        CompletableFuture.allOf(CompletableFuture.runAsync(reconciler::reconcileOnce),
                CompletableFuture.runAsync(reconciler::reconcileOnce)).join();

        assertThat(due).allSatisfy(p -> assertThat(queriesOf(p)).isEqualTo(1));
    }

    private NativePayment start(long fen) {
        OrderView order = orders.unpaid("rita", fen);
        return payments.nativePay("rita", order.id());
    }

    /** Moves the record's creation an hour back, so it is due and first in line. */
    private NativePayment pastGrace(NativePayment payment) {
        jdbc.update("UPDATE pay_record SET create_time = create_time - INTERVAL 1 HOUR,"
                + " next_query_at = next_query_at - INTERVAL 1 HOUR WHERE out_trade_no = ?", payment.outTradeNo());
        return payment;
    }

    private long queriesOf(NativePayment payment) {
        return wechat.queries.stream().filter(payment.outTradeNo()::equals).count();
    }

    private String status(NativePayment payment) {
        return jdbc.queryForObject("SELECT status FROM pay_record WHERE out_trade_no = ?", String.class,
                payment.outTradeNo());
    }
}
