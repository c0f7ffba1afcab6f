package com.changgou.pay.wechat;

import java.util.Optional;

/**
 * The pay service's one door to WeChat Pay V2. Every answer is signature-checked before one of
 * its fields is returned; the rest of the service sees only these typed records.
 *
 * <p>CONTRACT STUB: the protocol work fills in the bodies; the signatures are what the rest of
 * the pay service codes against.
 */
public class WechatPayClient {

    /** unifiedorder, trade_type NATIVE. */
    public UnifiedOrderResult unifiedOrder(UnifiedOrderCommand command) {
        throw new UnsupportedOperationException("not yet");
    }

    /** orderquery by out_trade_no; empty when WeChat answers ORDERNOTEXIST. */
    public Optional<TradeQueryResult> queryOrder(String outTradeNo) {
        throw new UnsupportedOperationException("not yet");
    }

    /** closeorder; ORDERPAID, ORDERCLOSED and ORDERNOTEXIST are results, not errors. */
    public CloseResult closeOrder(String outTradeNo) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Parses and verifies a notification body (size-bounded, XXE-safe, signature, appid, mch_id). */
    public PayNotification parseNotification(byte[] body) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The XML reply WeChat expects to a notification. */
    public String notificationReply(boolean success, String message) {
        throw new UnsupportedOperationException("not yet");
    }
}
