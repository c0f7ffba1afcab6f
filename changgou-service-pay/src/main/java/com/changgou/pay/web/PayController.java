package com.changgou.pay.web;

import com.changgou.common.Result;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundView;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.refund.Refunds;
import com.changgou.security.Shopper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server side of {@link PayFeign}, under its {@link PayFeign#PATH}. The shopper of
 * {@code native} and {@code status} is the subject of the gateway's token; {@code close} and the
 * refunds are for the order service's account only (see {@code PaySecurity}).
 */
@RestController
@RequestMapping(PayFeign.PATH)
class PayController {

    private final Payments payments;
    private final Refunds refunds;

    PayController(Payments payments, Refunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @PostMapping("/native")
    Result<NativePayment> nativePay(@Shopper String username, @RequestParam("orderId") String orderId) {
        return Result.ok(payments.nativePay(username, orderId));
    }

    @GetMapping("/status")
    Result<PaymentStatus> status(@Shopper String username, @RequestParam("orderId") String orderId) {
        return Result.ok(payments.status(username, orderId));
    }

    @PostMapping("/close")
    Result<CloseOutcome> close(@RequestParam("orderId") String orderId) {
        return Result.ok(payments.close(orderId));
    }

    @PostMapping("/refunds")
    Result<RefundView> refund(@RequestBody RefundCommand command) {
        return Result.ok(refunds.refund(command));
    }

    @GetMapping("/refunds/{outRefundNo}")
    Result<RefundView> refundStatus(@PathVariable("outRefundNo") String outRefundNo) {
        return Result.ok(refunds.view(outRefundNo));
    }
}
