package com.changgou.pay.notify;

import com.changgou.pay.alipay.InvalidAlipayNotificationException;
import com.changgou.pay.notifylog.NotifyOutcome;
import com.changgou.pay.notifylog.NotifyReason;
import com.changgou.pay.payment.Confirmation;
import com.changgou.pay.refund.Reported;
import com.changgou.pay.wechat.InvalidNotificationException;
import org.springframework.core.NestedExceptionUtils;

/** What each way a notification can end comes to as a verdict with its reason word: the one mapping. */
final class Verdicts {

    private Verdicts() {
    }

    static NotifyOutcome tooLarge(int limit) {
        return NotifyOutcome.refused(NotifyReason.TOO_LARGE, "body over %d bytes".formatted(limit), null);
    }

    static NotifyOutcome refused(InvalidNotificationException e) {
        NotifyReason reason = switch (e.problem()) {
            case MALFORMED -> NotifyReason.MALFORMED;
            case BAD_SIGNATURE -> NotifyReason.BAD_SIGNATURE;
            case MERCHANT_MISMATCH -> NotifyReason.MERCHANT_MISMATCH;
            case DECRYPT_FAILED -> NotifyReason.DECRYPT_FAILED;
            case NOT_SUCCESS -> NotifyReason.NOT_SUCCESS;
        };
        return NotifyOutcome.refused(reason, e.getMessage(), e.reference());
    }

    static NotifyOutcome refused(InvalidAlipayNotificationException e) {
        NotifyReason reason = switch (e.problem()) {
            case MALFORMED -> NotifyReason.MALFORMED;
            case BAD_SIGNATURE -> NotifyReason.BAD_SIGNATURE;
            case MERCHANT_MISMATCH -> NotifyReason.MERCHANT_MISMATCH;
        };
        return NotifyOutcome.refused(reason, e.getMessage(), e.reference());
    }

    static NotifyOutcome of(Confirmation confirmation, String outTradeNo) {
        return switch (confirmation.outcome()) {
            case APPLIED -> NotifyOutcome.accepted(outTradeNo);
            case DUPLICATE -> NotifyOutcome.duplicate(outTradeNo);
            case REJECTED -> NotifyOutcome.refused(switch (confirmation.rejection()) {
                case UNKNOWN_TRADE -> NotifyReason.UNKNOWN_TRADE;
                case CHANNEL_MISMATCH -> NotifyReason.CHANNEL_MISMATCH;
                case AMOUNT_MISMATCH -> NotifyReason.AMOUNT_MISMATCH;
                case STATE_CONFLICT -> NotifyReason.STATE_CONFLICT;
            }, confirmation.reason(), outTradeNo);
        };
    }

    static NotifyOutcome of(Reported reported, String outRefundNo) {
        return switch (reported.outcome()) {
            case APPLIED -> NotifyOutcome.accepted(outRefundNo);
            // Old news changes nothing, and is answered SUCCESS like a repeat.
            case DUPLICATE, STALE -> NotifyOutcome.duplicate(outRefundNo);
            case REJECTED -> NotifyOutcome.refused(switch (reported.rejection()) {
                case UNKNOWN_REFUND -> NotifyReason.UNKNOWN_TRADE;
                case AMOUNT_MISMATCH -> NotifyReason.AMOUNT_MISMATCH;
                case TRADE_MISMATCH -> NotifyReason.TRADE_MISMATCH;
                case STATE_CONFLICT -> NotifyReason.STATE_CONFLICT;
            }, reported.reason(), outRefundNo);
        };
    }

    /** Believed but not stored: the exception's kind only, as its message may quote SQL or data. */
    static NotifyOutcome notStored(RuntimeException e, String reference) {
        return NotifyOutcome.refused(NotifyReason.NOT_STORED, "not stored: " + kind(e), reference);
    }

    static NotifyOutcome internalError(RuntimeException e) {
        return NotifyOutcome.refused(NotifyReason.INTERNAL_ERROR, "could not be read: " + kind(e), null);
    }

    private static String kind(RuntimeException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause == e ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " (" + cause.getClass().getSimpleName() + ")";
    }
}
