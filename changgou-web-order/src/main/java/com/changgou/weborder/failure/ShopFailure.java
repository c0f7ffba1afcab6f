package com.changgou.weborder.failure;

/**
 * Thrown where a page cannot go on; the {@link FailureAdvice} turns it into the fail page. The
 * message is for the log, the {@link Failure} for the shopper, and {@code detail} (when there is one)
 * is the order service's own plain reason for a refusal by policy, shown under it.
 */
public class ShopFailure extends RuntimeException {

    private final Failure failure;
    private final String orderId;
    private final String detail;

    public ShopFailure(Failure failure, String orderId, String message) {
        this(failure, orderId, message, null, null);
    }

    public ShopFailure(Failure failure, String orderId, String message, Throwable cause) {
        this(failure, orderId, message, null, cause);
    }

    public ShopFailure(Failure failure, String orderId, String message, String detail, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.orderId = orderId;
        this.detail = detail;
    }

    /** The shopper-facing reason behind a refusal by policy, or null. */
    public String detail() {
        return detail;
    }

    public Failure failure() {
        return failure;
    }

    public String orderId() {
        return orderId;
    }
}
