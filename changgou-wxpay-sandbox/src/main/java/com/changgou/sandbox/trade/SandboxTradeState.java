package com.changgou.sandbox.trade;

/** WeChat's {@code trade_state}, with the description orderquery gives and the moves a scan may make. */
public enum SandboxTradeState {
    SUCCESS("支付成功"),
    REFUND("订单发生过退款"),
    NOTPAY("订单未支付"),
    CLOSED("订单已关闭"),
    REVOKED("订单已撤销"),
    USERPAYING("需要用户输入支付密码"),
    PAYERROR("支付失败，请重新下单支付");

    private final String description;

    SandboxTradeState(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The shopper's money arrived: the trade may be refunded (again, while anything is left). */
    public boolean paid() {
        return this == SUCCESS || this == REFUND;
    }

    /** A shopper may still pay, retry a failed payment or finish one in progress. */
    boolean payable() {
        return this == NOTPAY || this == PAYERROR || this == USERPAYING;
    }

    /** closeorder succeeds from exactly the states in which the shopper has not paid. */
    boolean closable() {
        return payable();
    }
}
