package com.changgou.pay.ops;

import java.time.Instant;

/**
 * What an operator searches pay records by: the order, the channel's transaction id, and the creation
 * time ({@code from} inclusive, {@code to} exclusive). Every criterion given must match; at least one
 * is required, so a search never reads the whole table.
 */
record PaymentCriteria(String orderId, String transactionId, Instant from, Instant to) {

    /** At most this many records answer a search, newest first. */
    static final int LIMIT = 100;
    private static final int MAX_ID = 64;

    static PaymentCriteria of(String orderId, String transactionId, Instant from, Instant to) {
        PaymentCriteria criteria = new PaymentCriteria(blankToNull(orderId, "orderId"),
                blankToNull(transactionId, "transactionId"), from, to);
        if (criteria.orderId() == null && criteria.transactionId() == null && from == null && to == null) {
            throw new InvalidOpsQueryException("give at least one of orderId, transactionId, from, to");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidOpsQueryException("from must be before to");
        }
        return criteria;
    }

    private static String blankToNull(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (id.length() > MAX_ID) {
            throw new InvalidOpsQueryException("%s is at most %d characters".formatted(name, MAX_ID));
        }
        return id;
    }
}
