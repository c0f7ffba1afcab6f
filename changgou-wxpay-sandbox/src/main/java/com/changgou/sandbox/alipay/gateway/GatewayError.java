package com.changgou.sandbox.alipay.gateway;

/**
 * One of Alipay's public error answers: {@code code}/{@code msg} from the gateway's fixed list, {@code sub_code}/
 * {@code sub_msg} saying which. 40001 a required public parameter is missing, 40002 one is invalid (the
 * signature included), 40004 the API refused for a business reason, 20000 the service is unavailable.
 */
public record GatewayError(String code, String msg, String subCode, String subMsg) {

    static GatewayError missing(String subCode, String subMsg) {
        return new GatewayError("40001", "Missing Required Arguments", subCode, subMsg);
    }

    static GatewayError invalid(String subCode, String subMsg) {
        return new GatewayError("40002", "Invalid Arguments", subCode, subMsg);
    }

    public static GatewayError business(String subCode, String subMsg) {
        return new GatewayError("40004", "Business Failed", subCode, subMsg);
    }

    public static GatewayError off(String why) {
        return new GatewayError("20000", "Service Currently Unavailable", "isp.unknow-error", why);
    }
}
