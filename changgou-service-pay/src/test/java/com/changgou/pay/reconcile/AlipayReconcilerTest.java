package com.changgou.pay.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.pay.support.PayIntegrationTest;
import com.changgou.pay.support.ScriptedAlipay;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AlipayReconcilerTest extends PayIntegrationTest {

    @Autowired
    Reconciler reconciler;
    @Autowired
    AlipayPayments alipay;

    final ScriptedAlipay gateway = ScriptedAlipay.shared();

    @Test
    void aPaymentWhoseNotificationWasDroppedIsFoundByTradeQuery() {
        AlipayPayment payment = pastGrace(start(1230));
        gateway.paid(payment.outTradeNo(), "2026120122001999" + payment.outTradeNo().substring(0, 8), "12.3");

        reconciler.reconcileOnce();

        assertThat(status(payment)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForList("SELECT actor FROM pay_log WHERE out_trade_no = ? AND to_status = 'SUCCESS'",
                String.class, payment.outTradeNo())).containsExactly("RECONCILE");
        assertThat(gateway.requestsFor(ScriptedAlipay.QUERY, payment.outTradeNo()))
                .allSatisfy(r -> assertThat(r).containsEntry("_verified", "true"));
    }

    @Test
    void aTradeAlipayNeverSawKeepsWaitingUntilItsExpiry() {
        AlipayPayment waiting = pastGrace(start(500));
        AlipayPayment expired = pastGrace(start(500));
        jdbc.update("UPDATE pay_record SET time_expire = ? WHERE out_trade_no = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), expired.outTradeNo());

        reconciler.reconcileOnce();

        assertThat(status(waiting)).isEqualTo("NOTPAY");
        assertThat(jdbc.queryForObject("SELECT next_query_at IS NULL FROM pay_record WHERE out_trade_no = ?",
                Boolean.class, waiting.outTradeNo())).isFalse();
        assertThat(jdbc.queryForObject("SELECT next_query_at IS NULL FROM pay_record WHERE out_trade_no = ?",
                Boolean.class, expired.outTradeNo())).isTrue();
    }

    private AlipayPayment start(long fen) {
        return alipay.wap("rosa", orders.unpaid("rosa", fen).id());
    }

    private AlipayPayment pastGrace(AlipayPayment payment) {
        jdbc.update("UPDATE pay_record SET create_time = create_time - INTERVAL 1 HOUR,"
                + " next_query_at = next_query_at - INTERVAL 1 HOUR WHERE out_trade_no = ?", payment.outTradeNo());
        return payment;
    }

    private String status(AlipayPayment payment) {
        return jdbc.queryForObject("SELECT status FROM pay_record WHERE out_trade_no = ?", String.class,
                payment.outTradeNo());
    }
}
