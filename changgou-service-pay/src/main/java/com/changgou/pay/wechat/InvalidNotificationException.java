package com.changgou.pay.wechat;

/**
 * A notification body that must not be believed: malformed, oversized, DOCTYPE or entities,
 * missing or wrong signature, another merchant's appid/mch_id, or not a SUCCESS result.
 * The message says which, and never contains the merchant key.
 */
public class InvalidNotificationException extends RuntimeException {

    public InvalidNotificationException(String reason) {
        super(reason);
    }
}
