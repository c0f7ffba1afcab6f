package com.changgou.user.points;

/**
 * What money is worth in points, and what a refund takes back. Money is fen; {@code perYuan} points
 * per yuan, so an amount earns {@code floor(fen × perYuan / 100)}: nobody gets points for change.
 *
 * <p>A refund takes back {@code floor(refund × perYuan / 100)}, never more than the order earned and
 * has not given back yet. The refund that completes the order's refunds takes back all that is left,
 * so an order refunded in full keeps none of its points, however its refunds were split (three
 * refunds of 0.33, 0.33 and 0.34 yuan at one point per yuan take back 0, 0 and 1).
 */
record PointsRule(long perYuan) {

    PointsRule {
        if (perYuan < 0) {
            throw new IllegalArgumentException("points per yuan must not be negative, not " + perYuan);
        }
    }

    /** @throws ArithmeticException for an amount so large its points do not fit a long */
    long earned(long fen) {
        requireNotNegative(fen);
        return Math.multiplyExact(fen, perYuan) / 100;
    }

    /**
     * The points a refund of {@code refundFen} takes back from an order that paid {@code paidFen} and
     * earned {@code earned}, after earlier refunds of {@code refundedBeforeFen} took back
     * {@code takenBackBefore}.
     */
    long takenBack(long refundFen, long paidFen, long earned, long refundedBeforeFen, long takenBackBefore) {
        long left = Math.max(0, earned - takenBackBefore);
        if (Math.addExact(refundedBeforeFen, refundFen) >= paidFen) {
            return left;
        }
        return Math.min(earned(refundFen), left);
    }

    private static void requireNotNegative(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("an amount of money must not be negative, not " + fen);
        }
    }
}
