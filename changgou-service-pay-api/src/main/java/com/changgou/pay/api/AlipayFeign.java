package com.changgou.pay.api;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pay service's Alipay API for the other apps, beside {@link PayFeign} (whose path is WeChat's).
 * It acts for the shopper named by the gateway's token the caller forwards. Status, close and refunds
 * are the channel-blind ones of {@link PayFeign}.
 */
@FeignClient(name = "changgou-service-pay", contextId = "alipayFeign", path = AlipayFeign.PATH)
public interface AlipayFeign {

    String PATH = InternalApi.PREFIX + "/pay/alipay";

    /**
     * Starts (or reuses) the Alipay mobile-website payment of an unpaid order of this shopper. The
     * amount and expiry are read from the order service, never taken from the caller. 503 when the pay
     * service has no Alipay keys.
     */
    @PostMapping("/wap")
    Result<AlipayPayment> wap(@RequestParam("orderId") String orderId);
}
