package com.changgou.sandbox.trade;

/** Told once, right after a scan made an order paid, so its notification can go out. */
public interface PaidOrderListener {

    void onPaid(SandboxOrder order);
}
