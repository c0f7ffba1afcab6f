package com.changgou.pay.notifylog;

import java.util.Locale;

/**
 * Why a notification got its verdict, as one fixed word: the {@code reason} tag of the
 * {@code changgou.pay.notifications} metric and {@code notify_log.reason}. A small closed set, so the
 * metric's series stay few whatever a sender writes; the words in {@code detail} say the rest.
 */
public enum NotifyReason {
    /** Accepted or duplicate. */
    OK,
    /** The body is over the bound. */
    TOO_LARGE,
    /** Not a notification we can read: not XML or form, missing fields, numbers that are not numbers. */
    MALFORMED,
    /** No signature, an unknown sign type, or a signature that does not verify under our key. */
    BAD_SIGNATURE,
    /** Signed, but for another app id, merchant or seller. */
    MERCHANT_MISMATCH,
    /** A refund notification whose details do not decrypt under our key. */
    DECRYPT_FAILED,
    /** Its return_code or result_code is not SUCCESS: it reports no result to store. */
    NOT_SUCCESS,
    /** The channel is not configured here (Alipay without keys). */
    NOT_CONFIGURED,
    /** Names no pay record (or refund) of ours. */
    UNKNOWN_TRADE,
    /** Names a record of the other channel. */
    CHANNEL_MISMATCH,
    /** The amount is not the record's. */
    AMOUNT_MISMATCH,
    /** A refund's trade, transaction or refund id is not the stored refund's. */
    TRADE_MISMATCH,
    /** Contradicts what is stored: paid by another transaction, closed for good, a final refund state. */
    STATE_CONFLICT,
    /** Believed, but could not be stored (database down, deadlock): the sender must send it again. */
    NOT_STORED,
    /** A fault of ours while reading it. */
    INTERNAL_ERROR;

    /** The word as the metric and the table spell it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
