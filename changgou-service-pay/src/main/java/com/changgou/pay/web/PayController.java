package com.changgou.pay.web;

import com.changgou.common.Result;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.pay.payment.Payments;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server side of {@link PayFeign}: mappings and parameters are inherited from the contract, the
 * internal prefix comes from its {@link PayFeign#PATH}.
 */
@RestController
@RequestMapping(PayFeign.PATH)
class PayController implements PayFeign {

    private final Payments payments;

    PayController(Payments payments) {
        this.payments = payments;
    }

    @Override
    public Result<NativePayment> nativePay(String username, String orderId) {
        return Result.ok(payments.nativePay(username, orderId));
    }

    @Override
    public Result<PaymentStatus> status(String username, String orderId) {
        return Result.ok(payments.status(username, orderId));
    }

    @Override
    public Result<CloseOutcome> close(String orderId) {
        return Result.ok(payments.close(orderId));
    }
}
