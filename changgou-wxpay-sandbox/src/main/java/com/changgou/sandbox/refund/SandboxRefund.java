package com.changgou.sandbox.refund;

import com.changgou.sandbox.trade.NotifyAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One refund as WeChat holds it: what was asked, the trade it belongs to, and how it ends. {@code outcome} is
 * decided when the refund is accepted (SUCCESS unless a fault says CHANGE or REFUNDCLOSE) and reached later.
 */
public final class SandboxRefund {

    /** Where the money goes back: the sandbox's shopper always pays from the WeChat balance (零钱). */
    public static final String RECEIVING_ACCOUNT = "支付用户的零钱";
    /** Which of the merchant's funds pay the refund (refund_account): the unsettled ones, WeChat's default. */
    public static final String FUNDS_SOURCE = "REFUND_SOURCE_UNSETTLED_FUNDS";

    /** Enough for the full retry schedule and the faults' extra copies. */
    private static final int MAX_ATTEMPTS_KEPT = 100;

    private final RefundRequest request;
    private final String outTradeNo;
    private final String transactionId;
    private final long cashFee;
    private final String refundId;
    private final Instant createdAt;
    private final RefundStatus outcome;
    private final List<NotifyAttempt> attempts = new ArrayList<>();
    private final List<String> faults = new ArrayList<>();
    private RefundStatus status = RefundStatus.PROCESSING;
    private Instant settledAt;

    SandboxRefund(RefundRequest request, String outTradeNo, String transactionId, long cashFee, String refundId,
                  Instant createdAt, RefundStatus outcome) {
        this.request = request;
        this.outTradeNo = outTradeNo;
        this.transactionId = transactionId;
        this.cashFee = cashFee;
        this.refundId = refundId;
        this.createdAt = createdAt;
        this.outcome = outcome;
    }

    /** A consistent copy of the mutable part. */
    public record Snapshot(RefundStatus status, Instant settledAt, List<String> faults, List<NotifyAttempt> attempts) {

        /** WeChat gives a success time only to a refund that succeeded. */
        public Optional<Instant> successTime() {
            return status == RefundStatus.SUCCESS ? Optional.of(settledAt) : Optional.empty();
        }
    }

    public RefundRequest request() {
        return request;
    }

    public String outRefundNo() {
        return request.outRefundNo();
    }

    public String outTradeNo() {
        return outTradeNo;
    }

    public String transactionId() {
        return transactionId;
    }

    public long totalFee() {
        return request.totalFee();
    }

    public long refundFee() {
        return request.refundFee();
    }

    /** What the shopper paid in cash (all of it: the sandbox has no coupons). */
    public long cashFee() {
        return cashFee;
    }

    /** The cash part of this refund: all of it, for the same reason. */
    public long cashRefundFee() {
        return request.refundFee();
    }

    public String refundId() {
        return refundId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized RefundStatus status() {
        return status;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(status, settledAt, List.copyOf(faults), List.copyOf(attempts));
    }

    /** True when this call ended the refund, i.e. its notification is now due. */
    synchronized boolean settle(Instant now) {
        if (!status.canMoveTo(outcome)) {
            return false;
        }
        status = outcome;
        settledAt = now;
        return true;
    }

    synchronized boolean holdsMoney() {
        return status.holdsMoney();
    }

    public synchronized void recordFault(String description) {
        faults.add(description);
    }

    public synchronized void recordAttempt(NotifyAttempt attempt) {
        if (attempts.size() >= MAX_ATTEMPTS_KEPT) {
            attempts.remove(0);
        }
        attempts.add(attempt);
    }
}
