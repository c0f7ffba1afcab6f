package com.changgou.weborder.wxpay;

import com.changgou.common.Result;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.weborder.failure.Failure;
import com.changgou.weborder.failure.RemoteFailures;
import com.changgou.weborder.failure.ShopFailure;
import feign.FeignException;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * The pay service's client for the pages, for the shopper the forwarded token names; a 409 is left to
 * the caller, who knows the order.
 */
@Component
public class PayServiceClient {

    private final PayFeign payFeign;
    private final AlipayFeign alipayFeign;

    public PayServiceClient(PayFeign payFeign, AlipayFeign alipayFeign) {
        this.payFeign = payFeign;
        this.alipayFeign = alipayFeign;
    }

    NativePayment start(String orderId) {
        return data(call(() -> payFeign.nativePay(orderId), orderId, RemoteFailures::fromPay), orderId);
    }

    /** Starts (or reuses) the order's Alipay payment: its token names the merchant's own page that hands over to Alipay. */
    AlipayPayment alipay(String orderId) {
        return data(call(() -> alipayFeign.wap(orderId), orderId, RemoteFailures::fromAlipay), orderId);
    }

    /** The state of the order's payment, whichever way it is being paid. */
    public PaymentStatus status(String orderId) {
        return data(call(() -> payFeign.status(orderId), orderId, RemoteFailures::fromPay), orderId);
    }

    private static <T> Result<T> call(RemoteCall<T> call, String orderId,
            BiFunction<FeignException, String, ShopFailure> failure) {
        try {
            return call.run();
        } catch (FeignException.Conflict e) {
            throw new PaymentConflict(orderId, e);
        } catch (FeignException e) {
            throw failure.apply(e, orderId);
        }
    }

    private static <T> T data(Result<T> result, String orderId) {
        return Result.dataOrThrow(result,
                why -> new ShopFailure(Failure.PAY_SERVICE_DOWN, orderId, "pay service returned no data: " + why));
    }

    private interface RemoteCall<T> {
        Result<T> run();
    }

    /** The pay service will not pay this order (paid or closed meanwhile). */
    public static final class PaymentConflict extends RuntimeException {
        PaymentConflict(String orderId, Throwable cause) {
            super("pay service refused order " + orderId, cause);
        }
    }
}
