package com.changgou.pay.notify;

import com.changgou.pay.notifylog.NotifyOutcome;
import org.springframework.http.HttpStatus;

/**
 * How a notify endpoint dealt with one request: the HTTP status, the outcome it records (whose verdict
 * decides between success and failure in the answer) and the words of WeChat's return_msg.
 */
record Handled(HttpStatus status, NotifyOutcome outcome, String message) {

    static Handled ok(NotifyOutcome outcome, String message) {
        return new Handled(HttpStatus.OK, outcome, message);
    }
}
