package com.changgou.user.points;

/** What applying an order event did; every outcome but an exception means "acknowledge it". */
public enum PointsOutcome {
    /** A paid GOODS order added its points. */
    EARNED,
    /** A refund took back its share of the order's points. */
    TAKEN_BACK,
    /** The event was applied before: a redelivery or a duplicate. Nothing changed. */
    ALREADY_APPLIED,
    /** A second paid event, under another id, for an order that has earned already. Nothing changed. */
    ORDER_EARNED_ALREADY,
    /** Not a GOODS order: not this service's business. Nothing changed. */
    NOT_GOODS,
    /** An event type this service does not act on. Nothing changed. */
    UNKNOWN_TYPE;

    /** True when the event moved a shopper's points; every other outcome left them as they were. */
    public boolean changedPoints() {
        return this == EARNED || this == TAKEN_BACK;
    }
}
