package com.changgou.sandbox.trade;

import com.changgou.sandbox.protocol.SignType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One order as WeChat holds it. Every change happens under the order's own lock, so a scan, a close and a
 * repeated unifiedorder racing on the same order see one consistent state.
 */
public final class SandboxOrder {

    /** Enough for the full retry schedule and the faults' extra copies; bounds a misbehaving merchant's record. */
    private static final int MAX_ATTEMPTS_KEPT = 100;

    private final OrderRequest request;
    private final String prepayId;
    private final String codeUrl;
    private final Instant createdAt;
    private final Instant payableUntil;
    private final List<NotifyAttempt> attempts = new ArrayList<>();
    private SandboxTradeState state = SandboxTradeState.NOTPAY;
    private Payment payment;
    private Instant closedAt;
    private String fault;
    private int orderQueries;
    private int closeRequests;

    SandboxOrder(OrderRequest request, String prepayId, String codeUrl, Instant createdAt, Instant payableUntil) {
        this.request = request;
        this.prepayId = prepayId;
        this.codeUrl = codeUrl;
        this.createdAt = createdAt;
        this.payableUntil = payableUntil;
    }

    /** What the shopper's payment produced; {@code cashFee} equals {@code totalFee} (no coupons in the sandbox). */
    public record Payment(String transactionId, String openId, String bankType, long cashFee, Instant paidAt) {
    }

    /**
     * A consistent copy of the mutable part, for answering queries without holding the lock.
     * {@code orderQueries} and {@code closeRequests} count the orderqueries and closeorders that reached
     * this order (refused ones too), so a test can tell how often the merchant asked.
     */
    public record Snapshot(SandboxTradeState state, Payment payment, Instant closedAt, String fault,
                           List<NotifyAttempt> attempts, int orderQueries, int closeRequests) {
    }

    public OrderRequest request() {
        return request;
    }

    public String outTradeNo() {
        return request.outTradeNo();
    }

    public String prepayId() {
        return prepayId;
    }

    public String codeUrl() {
        return codeUrl;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant payableUntil() {
        return payableUntil;
    }

    public SignType signType() {
        return request.signType();
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, payment, closedAt, fault, List.copyOf(attempts), orderQueries, closeRequests);
    }

    /** An orderquery reached this order: counts it and answers the state it saw. */
    public synchronized Snapshot queried() {
        orderQueries++;
        return snapshot();
    }

    public synchronized SandboxTradeState state() {
        return state;
    }

    public synchronized Optional<Payment> payment() {
        return Optional.ofNullable(payment);
    }

    /** unifiedorder again: the same terms get the same prepay_id, other terms or a settled order are refused. */
    synchronized void repeat(OrderRequest again) {
        if (state == SandboxTradeState.SUCCESS || state == SandboxTradeState.REFUND) {
            throw new TradeRefusedException("ORDERPAID", "该订单已支付");
        }
        if (state == SandboxTradeState.CLOSED || state == SandboxTradeState.REVOKED) {
            throw new TradeRefusedException("ORDERCLOSED", "该订单已关闭");
        }
        if (!request.terms().equals(again.terms())) {
            throw new TradeRefusedException("OUT_TRADE_NO_USED", "商户订单号重复");
        }
    }

    /** A closeorder reached this order, whatever the answer. */
    synchronized void closeRequested() {
        closeRequests++;
    }

    synchronized void close(Instant now) {
        switch (state) {
            case SUCCESS, REFUND -> throw new TradeRefusedException("ORDERPAID", "订单已支付，不能发起关单");
            case CLOSED, REVOKED -> throw new TradeRefusedException("ORDERCLOSED", "订单已关闭，无法重复关闭");
            default -> {
                state = SandboxTradeState.CLOSED;
                closedAt = now;
            }
        }
    }

    /** True when this scan made the order paid, i.e. a notification is now due. */
    synchronized boolean scan(ScanOutcome outcome, Instant now, PaymentFactory payments) {
        if (state == SandboxTradeState.SUCCESS || state == SandboxTradeState.REFUND) {
            throw new ScanRefusedException(ScanRefusedException.Reason.ALREADY_PAID,
                    "order %s is already paid".formatted(outTradeNo()));
        }
        if (!state.payable()) {
            throw new ScanRefusedException(ScanRefusedException.Reason.CLOSED,
                    "order %s is %s".formatted(outTradeNo(), state));
        }
        if (!now.isBefore(payableUntil)) {
            throw new ScanRefusedException(ScanRefusedException.Reason.EXPIRED,
                    "the code_url of order %s expired at %s".formatted(outTradeNo(), payableUntil));
        }
        switch (outcome) {
            case PAY -> {
                state = SandboxTradeState.SUCCESS;
                payment = payments.create(request.totalFee(), now);
                return true;
            }
            case FAIL -> state = SandboxTradeState.PAYERROR;
            case USERPAYING -> state = SandboxTradeState.USERPAYING;
        }
        return false;
    }

    /** A refund of this paid trade was accepted: orderquery now answers REFUND (转入退款), as WeChat's does. */
    public synchronized void markRefunded() {
        if (!state.paid()) {
            throw new IllegalStateException("order %s is %s, not paid".formatted(outTradeNo(), state));
        }
        state = SandboxTradeState.REFUND;
    }

    public synchronized void recordFault(String description) {
        fault = description;
    }

    public synchronized void recordAttempt(NotifyAttempt attempt) {
        if (attempts.size() >= MAX_ATTEMPTS_KEPT) {
            attempts.remove(0);
        }
        attempts.add(attempt);
    }

    /** Makes a payment's identifiers; a seam so the order does not generate random ids itself. */
    interface PaymentFactory {
        Payment create(long totalFee, Instant paidAt);
    }
}
