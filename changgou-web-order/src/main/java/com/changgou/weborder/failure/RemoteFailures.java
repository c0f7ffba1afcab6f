package com.changgou.weborder.failure;

import com.changgou.common.Result;
import com.changgou.common.StatusCode;
import feign.FeignException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a failed call to the order or pay service means for the shopper. Connection refused and
 * time-outs arrive as {@link feign.RetryableException} (status -1); a service with no instance
 * in the registry answers 503 from the load balancer.
 */
public final class RemoteFailures {

    /** The order service's {@code Result} envelope, read for the reason of a refusal; nothing else is parsed here. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The most of the order service's reason a page shows. */
    private static final int MAX_DETAIL = 200;

    private RemoteFailures() {
    }

    /**
     * A refund the order service would not make: its 409 carries a plain reason (the window has passed,
     * the order is not paid), shown to the shopper; anything else is told as for any order call.
     */
    public static ShopFailure fromRefund(FeignException e, String orderId) {
        if (e.status() != 409) {
            return fromOrder(e, orderId);
        }
        return new ShopFailure(Failure.REFUND_REFUSED, orderId, "order service refused the refund", reasonOf(e), e);
    }

    private static String reasonOf(FeignException e) {
        String body = e.contentUTF8();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            String message = JSON.readValue(body, Result.class).message();
            return message == null || message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL);
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    public static ShopFailure fromOrder(FeignException e, String orderId) {
        Failure failure = e.status() == 404 ? Failure.NOT_YOURS : Failure.ORDER_SERVICE_DOWN;
        return new ShopFailure(failure, orderId, "order service answered " + e.status(), e);
    }

    /** A failed call about a WeChat payment (or the payment's state, which the pay service may ask WeChat). */
    public static ShopFailure fromPay(FeignException e, String orderId) {
        return fromPay(e, orderId, Failure.WECHAT_UNREACHABLE);
    }

    /** A failed call about an Alipay payment: the same reading, with Alipay named when the provider failed. */
    public static ShopFailure fromAlipay(FeignException e, String orderId) {
        return fromPay(e, orderId, Failure.ALIPAY_UNREACHABLE);
    }

    private static ShopFailure fromPay(FeignException e, String orderId, Failure providerUnreachable) {
        Failure failure;
        if (e.status() == 404) {
            failure = Failure.UNKNOWN_ORDER;
        } else if (e.status() == 502 || e.status() == 504 || mentionsRemoteError(e)) {
            failure = providerUnreachable;
        } else {
            failure = Failure.PAY_SERVICE_DOWN;
        }
        return new ShopFailure(failure, orderId, "pay service answered " + e.status(), e);
    }

    /** The suite's {@code Result} envelope says "remote error" when the payment provider itself failed. */
    private static boolean mentionsRemoteError(FeignException e) {
        String body = e.contentUTF8();
        return e.status() >= 500 && body != null && body.contains("\"code\":" + StatusCode.REMOTEERROR);
    }
}
