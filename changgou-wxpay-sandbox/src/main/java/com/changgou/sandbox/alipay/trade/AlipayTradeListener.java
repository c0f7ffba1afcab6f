package com.changgou.sandbox.alipay.trade;

/** Told of every change Alipay notifies: the trade paid, refunded (partly, or fully and so closed), closed. */
public interface AlipayTradeListener {

    void onPaid(AlipayTrade trade);

    void onRefunded(AlipayTrade trade, AlipayRefund refund);

    void onClosed(AlipayTrade trade);
}
