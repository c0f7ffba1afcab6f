package com.changgou.sandbox.trade;

/** WeChat's answer {@code result_code=FAIL}: {@code errCode} is its err_code, the message its err_code_des. */
public class TradeRefusedException extends RuntimeException {

    private final String errCode;

    public TradeRefusedException(String errCode, String description) {
        super(description);
        this.errCode = errCode;
    }

    public String errCode() {
        return errCode;
    }
}
