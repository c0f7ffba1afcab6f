package com.changgou.sandbox.alipay.gateway;

/** A request the gateway turns away before any API runs; {@code node} is where the answer puts the error. */
public class GatewayException extends RuntimeException {

    private final transient GatewayError error;
    private final String node;

    GatewayException(GatewayError error, String node) {
        super(error.subCode() + ": " + error.subMsg());
        this.error = error;
        this.node = node;
    }

    public GatewayError error() {
        return error;
    }

    public String node() {
        return node;
    }
}
