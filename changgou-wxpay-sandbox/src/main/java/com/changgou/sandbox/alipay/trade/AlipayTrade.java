package com.changgou.sandbox.alipay.trade;

import com.changgou.common.Money;
import com.changgou.sandbox.trade.NotifyAttempt;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One trade as Alipay holds it. Every change happens under the trade's own lock, so a payment, a close and a
 * refund racing on one trade see one consistent state; the status moves only as {@link AlipayTradeStatus} allows.
 */
public final class AlipayTrade {

    /** Enough for several notifications on the full schedule; bounds what a misbehaving merchant costs. */
    private static final int MAX_NOTIFIED_KEPT = 200;

    /** The gateway methods counted per trade, so a test can see how often the merchant asked. */
    public enum Call { QUERY, CLOSE, REFUND, REFUND_QUERY }

    /** Who paid and when; amounts paid always equal the total (no coupons in the sandbox). */
    public record Payment(String buyerId, String buyerLogonId, Instant paidAt) {
    }

    /** One POST of one notification (its notify_id, trade_status and, for a refund, out_biz_no). */
    public record Notified(String notifyId, String tradeStatus, String outBizNo, @JsonUnwrapped NotifyAttempt attempt) {
    }

    /** What a refund request did: the refund (new, or the same one again) and whether money moved now. */
    public record RefundResult(AlipayRefund refund, boolean fundChange, long refundedFen) {
    }

    /** A consistent copy of the mutable part, for answers and views without holding the lock. */
    public record Snapshot(AlipayTradeStatus status, Payment payment, Instant closedAt, long refundedFen,
                           List<AlipayRefund> refunds, List<Notified> notifications, Map<Call, Integer> calls,
                           String fault) {
    }

    private final WapPayOrder order;
    private final String tradeNo;
    private final String cashierToken;
    private final Instant createdAt;
    private final Map<String, AlipayRefund> refunds = new LinkedHashMap<>();
    private final List<Notified> notifications = new ArrayList<>();
    private final Map<Call, Integer> calls = new EnumMap<>(Call.class);
    private AlipayTradeStatus status = AlipayTradeStatus.WAIT_BUYER_PAY;
    private Payment payment;
    private Instant closedAt;
    private long refundedFen;
    private String fault;

    AlipayTrade(WapPayOrder order, String tradeNo, String cashierToken, Instant createdAt) {
        this.order = order;
        this.tradeNo = tradeNo;
        this.cashierToken = cashierToken;
        this.createdAt = createdAt;
    }

    public WapPayOrder order() {
        return order;
    }

    public String outTradeNo() {
        return order.outTradeNo();
    }

    public String tradeNo() {
        return tradeNo;
    }

    public String cashierToken() {
        return cashierToken;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(status, payment, closedAt, refundedFen, List.copyOf(refunds.values()),
                List.copyOf(notifications), Map.copyOf(calls), fault);
    }

    public synchronized AlipayTradeStatus status() {
        return status;
    }

    public synchronized Optional<AlipayRefund> refund(String outRequestNo) {
        return Optional.ofNullable(refunds.get(outRequestNo));
    }

    public synchronized void countCall(Call call) {
        calls.merge(call, 1, Integer::sum);
    }

    public synchronized void recordNotified(Notified notified) {
        if (notifications.size() >= MAX_NOTIFIED_KEPT) {
            notifications.remove(0);
        }
        notifications.add(notified);
    }

    public synchronized void recordFault(String description) {
        fault = description;
    }

    /** An unpaid trade closes at its time_expire; checked whenever the trade is touched (no notification). */
    synchronized void expireIfDue(Instant now) {
        if (status == AlipayTradeStatus.WAIT_BUYER_PAY && order.timeExpire() != null
                && !now.isBefore(order.timeExpire())) {
            status = status.to(AlipayTradeStatus.TRADE_CLOSED);
            closedAt = order.timeExpire();
        }
    }

    /** wap.pay again with the same out_trade_no: the same trade for the same amount while it still waits. */
    synchronized void repeat(WapPayOrder again) {
        refuseUnlessWaiting();
        if (again.totalFen() != order.totalFen()) {
            throw new AlipayRefusedException("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
        }
    }

    /** True when this made the trade paid, i.e. a notification is due; a failed payment changes nothing. */
    synchronized boolean pay(CashierOutcome outcome, Supplier<Payment> payments) {
        refuseUnlessWaiting();
        if (outcome == CashierOutcome.FAIL) {
            return false;
        }
        status = status.to(AlipayTradeStatus.TRADE_SUCCESS);
        payment = payments.get();
        return true;
    }

    /** True when this closed the trade; closing a closed trade again succeeds and changes nothing. */
    synchronized boolean close(Instant now) {
        if (status == AlipayTradeStatus.TRADE_CLOSED) {
            return false;
        }
        if (!status.canBecome(AlipayTradeStatus.TRADE_CLOSED) || payment != null) {
            throw new AlipayRefusedException("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        status = status.to(AlipayTradeStatus.TRADE_CLOSED);
        closedAt = now;
        return true;
    }

    /**
     * alipay.trade.refund. The same out_request_no with the same amount answers the same refund again (no money
     * moves); a refund of everything that is left closes the trade, as at Alipay.
     */
    synchronized RefundResult refund(String outRequestNo, long amountFen, String reason, Instant now) {
        AlipayRefund earlier = refunds.get(outRequestNo);
        if (earlier != null) {
            if (earlier.amountFen() != amountFen) {
                throw new AlipayRefusedException("ACQ.REASON_TRADE_REFUND_FEE_ERR",
                        "退款金额无效：out_request_no %s 已退款 %s 元".formatted(outRequestNo,
                                Money.yuan(earlier.amountFen())));
            }
            return new RefundResult(earlier, false, refundedFen);
        }
        switch (status) {
            case WAIT_BUYER_PAY -> throw new AlipayRefusedException("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            case TRADE_FINISHED -> throw new AlipayRefusedException("ACQ.TRADE_HAS_FINISHED", "交易已完结");
            case TRADE_CLOSED -> throw payment == null
                    ? new AlipayRefusedException("ACQ.TRADE_STATUS_ERROR", "交易状态不合法")
                    : new AlipayRefusedException("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            case TRADE_SUCCESS -> { }
        }
        if (amountFen > order.totalFen() - refundedFen) {
            throw new AlipayRefusedException("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
        }
        refundedFen += amountFen;
        AlipayRefund made = new AlipayRefund(outRequestNo, amountFen, reason, now, refundedFen);
        refunds.put(outRequestNo, made);
        if (refundedFen == order.totalFen()) {
            status = status.to(AlipayTradeStatus.TRADE_CLOSED);
            closedAt = now;
        }
        return new RefundResult(made, true, refundedFen);
    }

    private void refuseUnlessWaiting() {
        switch (status) {
            case TRADE_SUCCESS, TRADE_FINISHED -> throw new AlipayRefusedException("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
            case TRADE_CLOSED -> throw new AlipayRefusedException("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            case WAIT_BUYER_PAY -> { }
        }
    }
}
