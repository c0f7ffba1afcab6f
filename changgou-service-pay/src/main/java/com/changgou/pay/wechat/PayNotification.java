package com.changgou.pay.wechat;

import java.time.Instant;

/**
 * A payment notification whose signature, appid and mch_id have been verified and whose
 * result_code is SUCCESS. {@code paidAt} is WeChat's time_end (null when unreadable);
 * {@code rawXml} is kept for the record.
 */
public record PayNotification(
        String appId,
        String mchId,
        String outTradeNo,
        String transactionId,
        long totalFee,
        long cashFee,
        String openId,
        String tradeType,
        String bankType,
        Instant paidAt,
        String rawXml) {
}
