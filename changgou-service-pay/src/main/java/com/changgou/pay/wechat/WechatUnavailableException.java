package com.changgou.pay.wechat;

/**
 * WeChat could not be reached, or what came back cannot be believed (timeout after the bounded
 * retries, return_code FAIL, missing or wrong signature). The outcome at WeChat is unknown.
 */
public class WechatUnavailableException extends RuntimeException {

    public WechatUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public WechatUnavailableException(String message) {
        super(message);
    }
}
