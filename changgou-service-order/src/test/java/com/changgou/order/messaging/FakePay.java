package com.changgou.order.messaging;

import com.changgou.common.Result;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PaymentStatus;
import feign.Request;
import feign.RetryableException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pay service as the order service's timeout sees it: answers close() with what a test set per
 * order (PAID when nothing was set, so no order closes unasked), or fails as Feign fails when the
 * service is unreachable.
 */
class FakePay implements PayFeign {

    /** Where the real pay service serves close(): behind the internal prefix, {@code /internal/pay/wxpay/close}. */
    static final String CLOSE_PATH = PayFeign.PATH + "/close";

    private final Map<String, CloseOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unreachable = new ConcurrentHashMap<>();
    private final List<String> closeCalls = new CopyOnWriteArrayList<>();

    void answer(String orderId, CloseOutcome outcome) {
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

    private static RetryableException connectTimedOut(String orderId) {
        Request request = Request.create(Request.HttpMethod.POST,
                "http://changgou-service-pay%s?orderId=%s".formatted(CLOSE_PATH, orderId), Map.of(), null,
                StandardCharsets.UTF_8, null);
        return new RetryableException(-1, "connect timed out executing POST " + CLOSE_PATH, Request.HttpMethod.POST,
                new ConnectException("connect timed out"), (Long) null, request);
    }
}
