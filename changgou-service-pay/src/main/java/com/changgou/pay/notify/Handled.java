package com.changgou.pay.notify;

import com.changgou.pay.notifylog.NotifyOutcome;
import org.springframework.http.HttpStatus;

/**
 * How a notify endpoint dealt with one request: the HTTP status, the outcome it records (whose verdict
 * decides between success and failure in the answer), the words of WeChat's return_msg, and whether the
 * outcome is recorded already (in the payment's own transaction).
 */
record Handled(HttpStatus status, NotifyOutcome outcome, String message, boolean recorded) {

    Handled(HttpStatus status, NotifyOutcome outcome, String message) {
        this(status, outcome, message, false);
    }

    static Handled ok(NotifyOutcome outcome, String message) {
        return new Handled(HttpStatus.OK, outcome, message);
    }

    /** Answered 200, its verdict committed with what it stored. */
    static Handled recordedWithPayment(NotifyOutcome outcome, String message) {
        return new Handled(HttpStatus.OK, outcome, message, true);
    }
}
