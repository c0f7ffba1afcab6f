package com.changgou.sandbox.alipay.notify;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A fault for one trade ({@code outTradeNo}) or, with it null, for every payment until cleared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlipayFault(String outTradeNo, AlipayFaultMode mode, Integer count, Long delayMillis) {

    int copies() {
        return count == null ? 2 : Math.max(1, Math.min(count, 50));
    }

    long delay() {
        return delayMillis == null ? 0 : Math.max(0, delayMillis);
    }
}
