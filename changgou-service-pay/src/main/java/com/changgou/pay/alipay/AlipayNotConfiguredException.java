package com.changgou.pay.alipay;

/** The pay service runs without Alipay keys (ALIPAY_APP_PRIVATE_KEY, ALIPAY_PUBLIC_KEY): Alipay is off. */
public class AlipayNotConfiguredException extends RuntimeException {

    public AlipayNotConfiguredException() {
        super("Alipay is not configured");
    }
}
