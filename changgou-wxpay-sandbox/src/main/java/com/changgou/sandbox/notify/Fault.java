package com.changgou.sandbox.notify;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A fault for one order ({@code outTradeNo}) or, with it null, for every payment until cleared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fault(String outTradeNo, FaultMode mode, Integer count, Long delayMillis) {

    int copies() {
        return count == null ? 2 : Math.max(1, Math.min(count, 50));
    }

    long delay() {
        return delayMillis == null ? 0 : Math.max(0, delayMillis);
    }
}
