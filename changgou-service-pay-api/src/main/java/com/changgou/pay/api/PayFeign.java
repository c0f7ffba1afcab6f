package com.changgou.pay.api;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pay service's API for the other apps of the suite. It lives under {@link InternalApi#PREFIX},
 * which no gateway route matches: only WeChat's notify endpoint is public. {@link #nativePay} and
 * {@link #status} act for the shopper named by the gateway's token the caller forwards;
 * {@link #close} and the refunds act for no shopper and take the order service's own credential only.
 */
@FeignClient(name = "changgou-service-pay", contextId = "payFeign", path = PayFeign.PATH)
public interface PayFeign {

    String PATH = InternalApi.PREFIX + "/pay/wxpay";

    /**
     * Starts (or reuses) the WeChat Native payment of an unpaid order of this shopper. The amount
     * is read from the order service, never taken from the caller.
     */
    @PostMapping("/native")
    Result<NativePayment> nativePay(@RequestParam("orderId") String orderId);

    /**
     * The payment's state as stored; a NOTPAY one is checked at WeChat at most once per
     * {@code pay.status-query-interval}, however often and from wherever it is polled.
     */
    @GetMapping("/status")
    Result<PaymentStatus> status(@RequestParam("orderId") String orderId);

    /**
     * Closes the order's trade at WeChat, reporting truthfully when it was paid meanwhile. Only the
     * order service's timeout calls this, with its service account.
     */
    @PostMapping("/close")
    Result<CloseOutcome> close(@RequestParam("orderId") String orderId);

    /**
     * Gives money back for a paid order: stores the refund (PENDING) and asks WeChat at once; what
     * WeChat could not take now is asked again with the same {@code out_refund_no} until it is
     * accepted or refused for good. Asking again with a known {@code outRefundNo} answers that
     * refund as it stands (a different order or amount under the same id is a 409). More than is
     * left of the payment is stored REFUSED with the reason. Only the order service calls this.
     */
    @PostMapping("/refunds")
    Result<RefundView> refund(@RequestBody RefundCommand command);

    /** A refund as it stands; 404 for an unknown {@code outRefundNo}. Only the order service calls this. */
    @GetMapping("/refunds/{outRefundNo}")
    Result<RefundView> refundStatus(@PathVariable("outRefundNo") String outRefundNo);
}
