package com.changgou.sandbox.trade;

/** Why the phone cannot pay what it scanned. */
public class ScanRefusedException extends RuntimeException {

    public enum Reason { UNKNOWN_CODE_URL, EXPIRED, ALREADY_PAID, CLOSED, BAD_OUTCOME }

    private final Reason reason;

    public ScanRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
