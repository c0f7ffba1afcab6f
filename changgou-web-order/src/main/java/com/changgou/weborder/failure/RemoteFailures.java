package com.changgou.weborder.failure;

import com.changgou.common.StatusCode;
import feign.FeignException;

/**
 * What a failed call to the order or pay service means for the shopper. Connection refused and
 * time-outs arrive as {@link feign.RetryableException} (status -1); a service with no instance
 * in the registry answers 503 from the load balancer.
 */
public final class RemoteFailures {

    private RemoteFailures() {
    }

    public static ShopFailure fromOrder(FeignException e, String orderId) {
        Failure failure = e.status() == 404 ? Failure.NOT_YOURS : Failure.ORDER_SERVICE_DOWN;
        return new ShopFailure(failure, orderId, "order service answered " + e.status(), e);
    }

    public static ShopFailure fromPay(FeignException e, String orderId) {
        Failure failure;
        if (e.status() == 404) {
            failure = Failure.UNKNOWN_ORDER;
        } else if (e.status() == 502 || e.status() == 504 || mentionsRemoteError(e)) {
            failure = Failure.WECHAT_UNREACHABLE;
        } else {
            failure = Failure.PAY_SERVICE_DOWN;
        }
        return new ShopFailure(failure, orderId, "pay service answered " + e.status(), e);
    }

    /** The suite's {@code Result} envelope says "remote error" when WeChat itself failed. */
    private static boolean mentionsRemoteError(FeignException e) {
        String body = e.contentUTF8();
        return e.status() >= 500 && body != null && body.contains("\"code\":" + StatusCode.REMOTEERROR);
    }
}
