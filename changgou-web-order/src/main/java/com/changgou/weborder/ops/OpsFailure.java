package com.changgou.weborder.ops;

import org.springframework.http.HttpStatus;

/**
 * Why an ops page or action could not be done, in a sentence an operator can act on; {@link OpsAdvice}
 * shows it on the error page, an action shows it in its flash.
 */
class OpsFailure extends RuntimeException {

    private final HttpStatus status;

    OpsFailure(HttpStatus status, String message) {
        this(status, message, null);
    }

    OpsFailure(HttpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
