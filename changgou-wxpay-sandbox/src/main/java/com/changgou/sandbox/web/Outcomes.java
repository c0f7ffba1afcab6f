package com.changgou.sandbox.web;

import com.changgou.sandbox.trade.ScanOutcome;
import com.changgou.sandbox.trade.ScanRefusedException;

final class Outcomes {

    private Outcomes() {
    }

    static ScanOutcome parse(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return ScanOutcome.PAY;
        }
        try {
            return ScanOutcome.valueOf(outcome.trim());
        } catch (IllegalArgumentException e) {
            throw new ScanRefusedException(ScanRefusedException.Reason.BAD_OUTCOME,
                    "outcome must be PAY, FAIL or USERPAYING, not %s".formatted(outcome));
        }
    }
}
