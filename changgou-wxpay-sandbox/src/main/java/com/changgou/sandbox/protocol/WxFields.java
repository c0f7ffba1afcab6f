package com.changgou.sandbox.protocol;

/** Field names of WeChat Pay V2 messages that the sandbox reads or writes in more than one place. */
public final class WxFields {

    public static final String RETURN_CODE = "return_code";
    public static final String RETURN_MSG = "return_msg";
    public static final String RESULT_CODE = "result_code";
    public static final String ERR_CODE = "err_code";
    public static final String ERR_CODE_DES = "err_code_des";
    public static final String APPID = "appid";
    public static final String MCH_ID = "mch_id";
    public static final String NONCE_STR = "nonce_str";
    public static final String SIGN = "sign";
    public static final String SIGN_TYPE = "sign_type";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAIL = "FAIL";

    private WxFields() {
    }
}
