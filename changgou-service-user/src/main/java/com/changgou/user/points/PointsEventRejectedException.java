package com.changgou.user.points;

/** An order event that can never be applied as written (a field missing or out of range): the DLQ's, at once. */
public class PointsEventRejectedException extends RuntimeException {

    public PointsEventRejectedException(String message) {
        super(message);
    }
}
