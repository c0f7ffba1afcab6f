package com.changgou.pay.notifylog;

/**
 * What became of one notification: its verdict, the reason word ({@link NotifyReason#OK} unless refused),
 * the detail in words (refusals only) and the out_trade_no or out_refund_no it named, when that could be
 * read (null otherwise). Detail and reference come from an unverified body: {@link NotifyLog} bounds them.
 */
public record NotifyOutcome(NotifyVerdict verdict, NotifyReason reason, String detail, String reference) {

    public static NotifyOutcome accepted(String reference) {
        return new NotifyOutcome(NotifyVerdict.ACCEPTED, NotifyReason.OK, null, reference);
    }

    public static NotifyOutcome duplicate(String reference) {
        return new NotifyOutcome(NotifyVerdict.DUPLICATE, NotifyReason.OK, null, reference);
    }

    public static NotifyOutcome refused(NotifyReason reason, String detail, String reference) {
        if (reason == NotifyReason.OK) {
            throw new IllegalArgumentException("a refusal needs a reason other than ok");
        }
        return new NotifyOutcome(NotifyVerdict.REFUSED, reason, detail, reference);
    }

    /** Whether the sender is told success: only what is durably reflected is. */
    public boolean stored() {
        return verdict != NotifyVerdict.REFUSED;
    }
}
