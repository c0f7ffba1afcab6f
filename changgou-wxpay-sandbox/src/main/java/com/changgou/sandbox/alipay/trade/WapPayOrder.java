package com.changgou.sandbox.alipay.trade;

import java.time.Instant;

/**
 * What alipay.trade.wap.pay asked for, amounts in fen. {@code timeExpire}, {@code quitUrl}, {@code notifyUrl}
 * and {@code returnUrl} may be null.
 */
public record WapPayOrder(String outTradeNo, long totalFen, String subject, Instant timeExpire, String quitUrl,
                          String notifyUrl, String returnUrl) {
}
