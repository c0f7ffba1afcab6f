package com.changgou.pay.refund;

import com.changgou.order.api.OrderView;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.payment.Actor;
import com.changgou.pay.payment.PaidTrade;
import com.changgou.pay.payment.PaymentConfirmations;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.support.PayIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Paid payments to refund, for the refund tests. */
public abstract class RefundTestSupport extends PayIntegrationTest {

    /** A payment WeChat confirmed: its out_trade_no, order and transaction. */
    public record Paid(String orderId, String outTradeNo, String transactionId, long totalFee, String token) {
    }

    @Autowired
    protected Payments payments;
    @Autowired
    protected PaymentConfirmations confirmations;

    protected Paid paid(long fen) {
        OrderView order = orders.unpaid("rhea", fen);
        NativePayment payment = payments.nativePay("rhea", order.id());
        String transactionId = "42000" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
        confirmations.confirm(new PaidTrade(payment.outTradeNo(), transactionId, fen, Instant.now(), null),
                Actor.WECHAT_NOTIFY);
        return new Paid(order.id(), payment.outTradeNo(), transactionId, fen, payment.token());
    }

    protected static String refundNo() {
        return "RF" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    protected String state(String outRefundNo) {
        return jdbc.queryForObject("SELECT state FROM refund_record WHERE out_refund_no = ?", String.class, outRefundNo);
    }

    /** Makes the refund due for the worker now. */
    protected void due(String outRefundNo) {
        jdbc.update("UPDATE refund_record SET next_try_at = next_try_at - INTERVAL 1 HOUR WHERE out_refund_no = ?",
                outRefundNo);
    }
}
