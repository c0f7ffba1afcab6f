package com.changgou.sandbox.alipay.gateway;

import java.util.Arrays;
import java.util.Optional;

/** The gateway methods this Alipay answers; the JSON answer's node is the name with dots as underscores. */
public enum GatewayMethod {
    WAP_PAY("alipay.trade.wap.pay"),
    QUERY("alipay.trade.query"),
    CLOSE("alipay.trade.close"),
    REFUND("alipay.trade.refund"),
    REFUND_QUERY("alipay.trade.fastpay.refund.query");

    /** The node of answers to a request whose method is missing or unknown. */
    public static final String ERROR_NODE = "error_response";

    private final String wireName;

    GatewayMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String responseNode() {
        return wireName.replace('.', '_') + "_response";
    }

    static Optional<GatewayMethod> of(String wireName) {
        return Arrays.stream(values()).filter(method -> method.wireName.equals(wireName)).findFirst();
    }
}
