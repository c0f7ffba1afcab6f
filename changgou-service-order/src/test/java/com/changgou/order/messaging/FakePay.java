package com.changgou.order.messaging;

import com.changgou.common.Result;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.RefundView;
import feign.Request;
import feign.RetryableException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pay service as the order service's timeout and refund submitter see it: answers close() with
 * what a test set per order (PAID when nothing was set, so no order closes unasked), or fails as Feign
 * fails when the service is unreachable; takes every refund as PROCESSING unless a test says otherwise
 * for its order, and notes each one it was asked for.
 */
public class FakePay implements PayFeign {

    /** Where the real pay service serves close(): behind the internal prefix, {@code /internal/pay/wxpay/close}. */
    static final String CLOSE_PATH = PayFeign.PATH + "/close";

    private final Map<String, CloseOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unreachable = new ConcurrentHashMap<>();
    private final List<String> closeCalls = new CopyOnWriteArrayList<>();
    private final List<RefundCommand> refundCalls = new CopyOnWriteArrayList<>();
    private final Map<String, RefundState> refundAnswers = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> refundFailures = new ConcurrentHashMap<>();

    /** Refunds of this order are answered in {@code state} (REFUSED with a reason). */
    public void answerRefunds(String orderId, RefundState state) {
        refundAnswers.put(orderId, state);
    }

    /** Refunds of this order fail with {@code failure} until {@link #acceptRefunds} is called. */
    public void failRefunds(String orderId, RuntimeException failure) {
        refundFailures.put(orderId, failure);
    }

    public void acceptRefunds(String orderId) {
        refundFailures.remove(orderId);
    }

    /** The refunds asked for, in order, failed calls included. */
    public List<RefundCommand> refundCallsFor(String orderId) {
        return refundCalls.stream().filter(c -> c.orderId().equals(orderId)).toList();
    }

    public static RetryableException unreachable(String path) {
        Request request = Request.create(Request.HttpMethod.POST, "http://changgou-service-pay" + path, Map.of(), null,
                StandardCharsets.UTF_8, null);
        return new RetryableException(-1, "connect timed out executing POST " + path, Request.HttpMethod.POST,
                new ConnectException("connect timed out"), (Long) null, request);
    }

    public void answer(String orderId, CloseOutcome outcome) {
        outcomes.put(orderId, outcome);
    }

    void unreachableFor(String orderId) {
        unreachable.put(orderId, true);
    }

    void reachableAgainFor(String orderId) {
        unreachable.remove(orderId);
    }

    long closeCallsFor(String orderId) {
        return closeCalls.stream().filter(orderId::equals).count();
    }

    @Override
    public Result<CloseOutcome> close(String orderId) {
        closeCalls.add(orderId);
        if (unreachable.containsKey(orderId)) {
            throw connectTimedOut(orderId);
        }
        return Result.ok(outcomes.getOrDefault(orderId, CloseOutcome.PAID));
    }

    @Override
    public Result<NativePayment> nativePay(String orderId) {
        throw new UnsupportedOperationException("the order service never starts a payment");
    }

    @Override
    public Result<PaymentStatus> status(String orderId) {
        throw new UnsupportedOperationException("the order service never asks for a payment's status");
    }

    @Override
    public Result<RefundView> refund(RefundCommand command) {
        refundCalls.add(command);
        RuntimeException failure = refundFailures.get(command.orderId());
        if (failure != null) {
            throw failure;
        }
        RefundState state = refundAnswers.getOrDefault(command.orderId(), RefundState.PROCESSING);
        return Result.ok(new RefundView(command.outRefundNo(), command.orderId(), command.orderId(),
                command.transactionId(), command.refundFee(), command.refundFee(), state,
                state == RefundState.REFUSED ? "more than is left to refund" : null, null));
    }

    @Override
    public Result<RefundView> refundStatus(String outRefundNo) {
        throw new UnsupportedOperationException("the order service learns of refunds from their results");
    }

    private static RetryableException connectTimedOut(String orderId) {
        Request request = Request.create(Request.HttpMethod.POST,
                "http://changgou-service-pay%s?orderId=%s".formatted(CLOSE_PATH, orderId), Map.of(), null,
                StandardCharsets.UTF_8, null);
        return new RetryableException(-1, "connect timed out executing POST " + CLOSE_PATH, Request.HttpMethod.POST,
                new ConnectException("connect timed out"), (Long) null, request);
    }
}
