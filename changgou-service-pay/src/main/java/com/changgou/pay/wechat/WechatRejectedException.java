package com.changgou.pay.wechat;

/**
 * WeChat answered, with a valid signature, that it will not do what was asked
 * ({@code result_code} FAIL): {@code errCode} is WeChat's {@code err_code}, e.g. ORDERPAID.
 */
public class WechatRejectedException extends RuntimeException {

    private final String errCode;

    public WechatRejectedException(String errCode, String description) {
        super("WeChat refused: %s (%s)".formatted(errCode, description));
        this.errCode = errCode;
    }

    public String errCode() {
        return errCode;
    }
}
