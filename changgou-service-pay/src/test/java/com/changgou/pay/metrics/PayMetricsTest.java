package com.changgou.pay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.RefundState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A change is counted once it is committed, never when it rolls back; the watched series start at zero. */
class PayMetricsTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final PayMetrics metrics = new PayMetrics(meters);

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void insideATransactionACountWaitsForTheCommit() {
        TransactionSynchronizationManager.initSynchronization();

        metrics.refundEntered(RefundState.PENDING);
        assertThat(refunds("pending")).isZero();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(refunds("pending")).isEqualTo(1.0);
    }

    @Test
    void aRolledBackChangeCountsNothing() {
        TransactionSynchronizationManager.initSynchronization();

        metrics.refundEntered(RefundState.REFUSED);
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(refunds("refused")).isZero();
    }

    @Test
    void outsideATransactionItCountsAtOnceWithLowerCaseTags() {
        metrics.paymentPaid(PayChannel.ALIPAY, PayMetrics.PaidSource.NOTIFICATION);
        metrics.paymentStarted(PayChannel.WECHAT);

        assertThat(meters.get(PayMetrics.PAYMENTS_PAID).tag("channel", "alipay").tag("source", "notification")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get(PayMetrics.PAYMENTS_STARTED).tag("channel", "wechat").counter().count()).isEqualTo(1.0);
        assertThat(meters.get(PayMetrics.PAYMENTS_STARTED).tag("channel", "alipay").counter().count()).isZero();
        assertThat(meters.get(PayMetrics.RECONCILIATION_FINDS).tag("channel", "wechat").tag("state", "closed")
                .counter().count()).isZero();
    }

    private double refunds(String state) {
        return meters.get(PayMetrics.REFUNDS).tag("state", state).counter().count();
    }
}
