package com.changgou.order.deadletter;

import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;

/**
 * Why a message died, in one bounded line: the exception the consumer threw (not the container's
 * wrapper), its message, and its root cause when that says more (the JSON parser's complaint).
 */
final class DeadReasons {

    /** dead_letter.reason holds 1000 characters. */
    static final int MAX_REASON = 1000;

    private DeadReasons() {
    }

    static String describe(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = line(cause);
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != cause) {
            reason += "; caused by " + line(root);
        }
        return bounded(reason);
    }

    /** The class of the exception {@link #describe} speaks of. */
    static String className(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getName();
    }

    static String bounded(String reason) {
        String oneLine = reason.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON - 1) + "…" : oneLine;
    }

    private static String line(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
