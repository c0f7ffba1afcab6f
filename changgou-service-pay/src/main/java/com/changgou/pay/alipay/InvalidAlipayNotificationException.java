package com.changgou.pay.alipay;

/**
 * An Alipay notification that must not be believed: malformed, repeated parameters, a wrong or missing
 * signature, another app's app_id or seller, an amount that is not exact yuan. The message says which,
 * never a key.
 */
public class InvalidAlipayNotificationException extends RuntimeException {

    public InvalidAlipayNotificationException(String reason) {
        super(reason);
    }
}
