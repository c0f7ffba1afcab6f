package com.changgou.pay.alipay;

/**
 * Alipay could not be reached, or what came back cannot be believed (no answer after the bounded
 * retries, an unsigned or wrongly signed answer, a malformed one, ACQ.SYSTEM_ERROR). The outcome at
 * Alipay is unknown.
 */
public class AlipayUnavailableException extends RuntimeException {

    public AlipayUnavailableException(String message) {
        super(message);
    }

    public AlipayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
