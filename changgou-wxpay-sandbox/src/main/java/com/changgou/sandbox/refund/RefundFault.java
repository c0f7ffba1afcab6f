package com.changgou.sandbox.refund;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fault for one refund ({@code outRefundNo}) or, with it null, for every refund. {@code count}: for
 * NOTENOUGH, SYSTEMERROR, REFUNDCLOSE and CHANGE how many requests or refunds it hits before it is used up;
 * for DROP how many attempts of each notification are lost; for DUPLICATE how many copies; absent means
 * "until cleared" (DROP: the notification is never sent; DUPLICATE: 2 copies).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundFault(String outRefundNo, RefundFaultMode mode, Integer count, Long delayMillis) {

    public RefundFault {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required (NOTENOUGH, SYSTEMERROR, REFUNDCLOSE, CHANGE, "
                    + "DROP, DUPLICATE, DELAY)");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1, or absent for \"until cleared\"");
        }
        if (outRefundNo != null && outRefundNo.isBlank()) {
            outRefundNo = null;
        }
    }

    public int copies() {
        return count == null ? 2 : Math.min(count, 50);
    }

    public long delay() {
        return delayMillis == null ? 0 : Math.max(0, delayMillis);
    }

    RefundFault withCount(Integer remaining) {
        return new RefundFault(outRefundNo, mode, remaining, delayMillis);
    }
}
