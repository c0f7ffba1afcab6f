package com.changgou.pay.alipay;

/** Alipay answered, with a valid signature, that it will not do what was asked: its code, sub_code and sub_msg. */
public class AlipayRejectedException extends RuntimeException {

    private final String subCode;

    public AlipayRejectedException(String code, String subCode, String subMsg) {
        super("Alipay refused: %s %s (%s)".formatted(code, subCode, subMsg));
        this.subCode = subCode;
    }

    public String subCode() {
        return subCode;
    }
}
