package com.changgou.sandbox.trade;

import java.time.Instant;

/**
 * One POST of a notification. {@code kind} is GENUINE, DUPLICATE, BAD_SIGN or WRONG_AMOUNT; {@code httpStatus}
 * is 0 when no answer came ({@code error} says why); {@code acknowledged} when the reply was return_code SUCCESS.
 */
public record NotifyAttempt(
        int attempt, String kind, Instant at, int httpStatus, String reply, String error, boolean acknowledged) {
}
