package com.changgou.pay.web;

import com.changgou.common.Result;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.security.Shopper;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The server side of {@link AlipayFeign}: the shopper is the subject of the gateway's token. */
@RestController
@RequestMapping(AlipayFeign.PATH)
class AlipayController {

    private final AlipayPayments alipay;

    AlipayController(AlipayPayments alipay) {
        this.alipay = alipay;
    }

    @PostMapping("/wap")
    Result<AlipayPayment> wap(@Shopper String username, @RequestParam("orderId") String orderId) {
        return Result.ok(alipay.wap(username, orderId));
    }
}
