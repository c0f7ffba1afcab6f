package com.changgou.pay.wechat;

/**
 * What asking WeChat for a refund came to. ACCEPTED carries WeChat's {@code refundId}; RETRY_LATER
 * says what stood in the way ({@link Trouble}), REFUSED WeChat's err_code: both with a
 * {@code description} fit for the log and the refund's record, never the key.
 */
public record RefundApplyAnswer(Kind kind, String refundId, Trouble trouble, String code, String description) {

    public enum Kind {
        /** WeChat took the refund and moves the money now (refund_status PROCESSING). */
        ACCEPTED,
        /** Not taken now; ask again with the same out_refund_no. */
        RETRY_LATER,
        /** WeChat will never make this refund. */
        REFUSED
    }

    /** Why a refund must wait. {@link #needsOperator()}: nothing gets better until a person acts. */
    public enum Trouble {
        /** SYSTEMERROR, BIZERR_NEED_RETRY, FREQUENCY_LIMITED and the like: WeChat asks to come back. */
        WECHAT_BUSY(false),
        /** NOTENOUGH: the merchant's balance does not cover the refund until it is topped up. */
        NOT_ENOUGH_BALANCE(false),
        /** No answer, or none we believe: WeChat may or may not have taken it. */
        UNREACHABLE(false),
        /** The TLS handshake failed: WeChat refused our certificate, or we its. */
        TLS_REFUSED(true),
        /** WXPAY_CERT_PATH is not set: WeChat takes no refund without the merchant's certificate. */
        NO_CERTIFICATE(true);

        private final boolean needsOperator;

        Trouble(boolean needsOperator) {
            this.needsOperator = needsOperator;
        }

        public boolean needsOperator() {
            return needsOperator;
        }
    }

    public static RefundApplyAnswer accepted(String refundId) {
        return new RefundApplyAnswer(Kind.ACCEPTED, refundId, null, null, null);
    }

    public static RefundApplyAnswer retryLater(Trouble trouble, String code, String description) {
        return new RefundApplyAnswer(Kind.RETRY_LATER, null, trouble, code, description);
    }

    public static RefundApplyAnswer refused(String code, String description) {
        return new RefundApplyAnswer(Kind.REFUSED, null, null, code, description);
    }
}
