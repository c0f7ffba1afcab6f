package com.changgou.order.messaging;

import com.changgou.order.management.PaymentRejectedException;
import com.changgou.order.management.RefundResultRejectedException;
import org.springframework.amqp.support.converter.MessageConversionException;

/**
 * Which failures no retry can cure: a result the order service rejects as written, or a body that is
 * not one. Such a message goes to its dead-letter queue at once, and a re-drive that fails so is
 * "rejected again"; anything else (the database down) is transient.
 */
public final class Poison {

    private Poison() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isRejected(t) || t instanceof MessageConversionException) {
                return true;
            }
        }
        return false;
    }

    static boolean isRejected(Throwable t) {
        return t instanceof PaymentRejectedException || t instanceof RefundResultRejectedException;
    }
}
