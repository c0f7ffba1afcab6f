package com.changgou.weborder.failure;

/**
 * Thrown where a page cannot go on; the {@link FailureAdvice} turns it into the fail page. The
 * message is for the log, the {@link Failure} for the shopper.
 */
public class ShopFailure extends RuntimeException {

    private final Failure failure;
    private final String orderId;

    public ShopFailure(Failure failure, String orderId, String message) {
        super(message);
        this.failure = failure;
        this.orderId = orderId;
    }

    public ShopFailure(Failure failure, String orderId, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.orderId = orderId;
    }

    public Failure failure() {
        return failure;
    }

    public String orderId() {
        return orderId;
    }
}
