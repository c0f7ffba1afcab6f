package com.changgou.common.ops;

/**
 * Why an operator acts (re-drives or discards a dead letter, approves or retries a refund). Every
 * operator action needs one: it is stored with the operator's name beside what it changed.
 */
public record OperatorDecision(String reason) {

    /** Long enough to say why, short enough for one log row. */
    public static final int MAX_REASON_LENGTH = 500;

    /** The reason, trimmed, when it says something and fits; otherwise an IllegalArgumentException. */
    public String requireReason() {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.length() < 3) {
            throw new IllegalArgumentException("say why (at least 3 characters)");
        }
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("a reason is at most %d characters".formatted(MAX_REASON_LENGTH));
        }
        return trimmed;
    }
}
