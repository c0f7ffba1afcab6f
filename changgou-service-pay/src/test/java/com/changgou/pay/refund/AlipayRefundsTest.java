package com.changgou.pay.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.order.api.OrderView;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.RefundView;
import com.changgou.pay.payment.Actor;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.pay.payment.PaidTrade;
import com.changgou.pay.support.ScriptedAlipay;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The refund machinery, channel-aware: an Alipay payment is refunded at Alipay, with the same outcomes and messages. */
class AlipayRefundsTest extends RefundTestSupport {

    @Autowired
    Refunds refunds;
    @Autowired
    RefundWorker worker;
    @Autowired
    AlipayPayments alipay;

    final ScriptedAlipay gateway = ScriptedAlipay.shared();

    @Test
    void aRefundWithAFundChangeIsSuccessAtOnceAndTheOrderServiceHearsOfIt() {
        Paid paid = alipayPaid(2599);
        String no = refundNo();

        RefundView view = refunds.refund(new RefundCommand(no, paid.orderId(), null, 1230, "too small"));

        assertThat(view.state()).isEqualTo(RefundState.SUCCESS);
        assertThat(view.refundedAt()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(gateway.requestsFor(ScriptedAlipay.REFUND, paid.outTradeNo())).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("_verified", "true");
            assertThat(r.get("biz_content")).contains("\"refund_amount\":\"12.30\"").contains("\"out_request_no\":\"" + no + "\"");
        });
        assertThat(jdbc.queryForList("SELECT to_state FROM refund_log WHERE out_refund_no = ? ORDER BY id", String.class, no))
                .containsExactly("PENDING", "SUCCESS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mq_message WHERE id = ?", Integer.class,
                "rr-" + no + "-SUCCESS")).isEqualTo(1);
    }

    @Test
    void aSystemErrorWaitsAndTheWorkerAsksAgainWithTheSameRequestNo() {
        Paid paid = alipayPaid(800);
        String no = refundNo();
        gateway.answer(ScriptedAlipay.REFUND, paid.outTradeNo(), """
                {"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"busy"}""");

        assertThat(refunds.refund(new RefundCommand(no, paid.orderId(), null, 800, null)).state())
                .isEqualTo(RefundState.PENDING);

        gateway.answer(ScriptedAlipay.REFUND, paid.outTradeNo(), """
                {"code":"10000","msg":"Success","trade_no":"%s","out_trade_no":"%s","fund_change":"Y","refund_fee":"8.00"}"""
                .formatted(paid.transactionId(), paid.outTradeNo()));
        due(no);
        worker.workOnce();

        assertThat(state(no)).isEqualTo("SUCCESS");
        assertThat(gateway.requestsFor(ScriptedAlipay.REFUND, paid.outTradeNo()))
                .hasSize(2).allSatisfy(r -> assertThat(r.get("biz_content")).contains("\"out_request_no\":\"" + no + "\""));
    }

    @Test
    void aBusinessFailureIsRefusedWithAlipaysReason() {
        Paid paid = alipayPaid(800);
        String no = refundNo();
        gateway.answer(ScriptedAlipay.REFUND, paid.outTradeNo(), """
                {"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_STATUS_ERROR","sub_msg":"trade finished"}""");

        RefundView view = refunds.refund(new RefundCommand(no, paid.orderId(), null, 800, null));

        assertThat(view.state()).isEqualTo(RefundState.REFUSED);
        assertThat(view.refusal()).contains("ACQ.TRADE_STATUS_ERROR").contains("trade finished");
    }

    @Test
    void anAcceptanceWithoutFundChangeIsSettledByTheRefundQuery() {
        Paid paid = alipayPaid(900);
        String no = refundNo();
        gateway.answer(ScriptedAlipay.REFUND, paid.outTradeNo(), """
                {"code":"10000","msg":"Success","trade_no":"%s","out_trade_no":"%s","fund_change":"N","refund_fee":"3.00"}"""
                .formatted(paid.transactionId(), paid.outTradeNo()));

        assertThat(refunds.refund(new RefundCommand(no, paid.orderId(), null, 300, null)).state())
                .isEqualTo(RefundState.PROCESSING);

        gateway.answer(ScriptedAlipay.REFUND_QUERY, paid.outTradeNo(), """
                {"code":"10000","msg":"Success","trade_no":"%s","out_trade_no":"%s","out_request_no":"%s",\
                "total_amount":"9.00","refund_amount":"3.00","refund_status":"REFUND_SUCCESS","gmt_refund_pay":"2026-12-01 13:05:00"}"""
                .formatted(paid.transactionId(), paid.outTradeNo(), no));
        due(no);
        worker.workOnce();

        assertThat(state(no)).isEqualTo("SUCCESS");
        assertThat(jdbc.queryForList("SELECT actor FROM refund_log WHERE out_refund_no = ? ORDER BY id", String.class, no))
                .containsExactly("ORDER_SERVICE", "REFUND_APPLY", "REFUND_QUERY");
    }

    private Paid alipayPaid(long fen) {
        OrderView order = orders.unpaid("rhea", fen);
        AlipayPayment payment = alipay.wap("rhea", order.id());
        String tradeNo = "2026120122001" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
        confirmations.confirm(new PaidTrade(PayChannel.ALIPAY, payment.outTradeNo(), tradeNo, fen, Instant.now(), null),
                Actor.ALIPAY_NOTIFY);
        return new Paid(order.id(), payment.outTradeNo(), tradeNo, fen, payment.token());
    }
}
