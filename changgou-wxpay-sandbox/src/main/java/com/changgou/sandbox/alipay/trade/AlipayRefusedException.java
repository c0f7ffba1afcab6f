package com.changgou.sandbox.alipay.trade;

/** Alipay said no for a business reason: the gateway answers code 40004 with this sub_code and sub_msg. */
public class AlipayRefusedException extends RuntimeException {

    private final String subCode;

    public AlipayRefusedException(String subCode, String subMsg) {
        super(subMsg);
        this.subCode = subCode;
    }

    public String subCode() {
        return subCode;
    }

    public String subMsg() {
        return getMessage();
    }

    static AlipayRefusedException notExist() {
        return new AlipayRefusedException("ACQ.TRADE_NOT_EXIST", "交易不存在");
    }
}
