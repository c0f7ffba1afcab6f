package com.changgou.pay.wechat;

/**
 * A payment notification whose signature, appid and mch_id have been verified and whose
 * result_code is SUCCESS. {@code rawXml} is kept for the record.
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
        String timeEnd,
        String rawXml) {
}
