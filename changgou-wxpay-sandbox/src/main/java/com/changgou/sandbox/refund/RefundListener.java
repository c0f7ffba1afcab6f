package com.changgou.sandbox.refund;

/** Told once, when a refund ends (SUCCESS, CHANGE or REFUNDCLOSE), so its notification can go out. */
public interface RefundListener {

    void onSettled(SandboxRefund refund);
}
