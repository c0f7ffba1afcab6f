package com.changgou.user.points;

/**
 * A refund of an order whose earning this service has not applied: the paid event is late (the order
 * service's relay republishes what the broker did not confirm) or lost. Transient by assumption: the
 * listener's retries wait for the paid event, then the refund goes to the dead-letter queue, from which
 * it can be moved back once the paid event is in (applying it twice changes nothing).
 */
public class EarningNotSeenException extends RuntimeException {

    public EarningNotSeenException(String eventId, String orderId) {
        super("refund event %s for order %s came before the order's points were earned".formatted(eventId, orderId));
    }
}
