package com.changgou.pay.ops;

/** An operator's question the ops API cannot answer as asked (400, with the message). */
class InvalidOpsQueryException extends RuntimeException {

    InvalidOpsQueryException(String message) {
        super(message);
    }
}
