package com.changgou.pay.web;

import com.changgou.common.Result;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.pay.payment.Payments;
import com.changgou.security.Shopper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server side of {@link PayFeign}, under its {@link PayFeign#PATH}. The shopper of
 * {@code native} and {@code status} is the subject of the gateway's token; {@code close} is for the
 * order service's account only (see {@code PaySecurity}).
 */
@RestController
@RequestMapping(PayFeign.PATH)
class PayController {

    private final Payments payments;

    PayController(Payments payments) {
        this.payments = payments;
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
}
