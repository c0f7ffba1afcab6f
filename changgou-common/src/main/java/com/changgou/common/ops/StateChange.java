package com.changgou.common.ops;

import java.time.Instant;

/**
 * One log row of a story shown to operators: {@code subject} (an order, a pay record, a refund, a
 * dead letter) moved from {@code fromState} to {@code toState} at {@code at}, done by {@code actor}
 * (a shopper, an operator, or a service such as {@code pay} or {@code system}), with its note.
 */
public record StateChange(Instant at, String subject, String fromState, String toState, String actor, String note) {
}
