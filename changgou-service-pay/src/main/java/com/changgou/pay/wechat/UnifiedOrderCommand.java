package com.changgou.pay.wechat;

import java.time.Instant;

/**
 * A NATIVE unifiedorder request. {@code timeExpire} is sent as WeChat's {@code time_expire}
 * (yyyyMMddHHmmss, Beijing time), so WeChat refuses payment once the order has timed out.
 */
public record UnifiedOrderCommand(
        String outTradeNo, String body, long totalFee, String productId, Instant timeExpire, String clientIp) {
}
