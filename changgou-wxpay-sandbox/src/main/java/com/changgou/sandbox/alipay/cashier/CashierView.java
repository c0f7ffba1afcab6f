package com.changgou.sandbox.alipay.cashier;

import com.changgou.sandbox.alipay.protocol.Yuan;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
import com.changgou.sandbox.alipay.trade.AlipayTradeStatus;

/** What the cashier page shows of a trade; the amount in yuan only here. */
record CashierView(String token, String outTradeNo, String subject, String totalYuan, String status,
                   boolean payable, boolean quitUrl) {

    static CashierView of(AlipayTrade trade) {
        AlipayTradeStatus status = trade.status();
        return new CashierView(trade.cashierToken(), trade.outTradeNo(), trade.order().subject(),
                Yuan.of(trade.order().totalFen()), status.name(), status == AlipayTradeStatus.WAIT_BUYER_PAY,
                trade.order().quitUrl() != null);
    }
}
