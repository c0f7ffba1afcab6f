package com.changgou.pay.alipay;

import java.math.BigDecimal;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Alipay's amounts are yuan strings ({@code total_amount}, {@code refund_amount}); the rest of the
 * service counts fen. Converted exactly, never rounded: at most two decimals, no sign, no exponent.
 * "12.3" and "12.30" are both 1230 fen; "25.001", "-1", "1e2", " 1" are no amount at all.
 */
final class Yuan {

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,13})(\\.[0-9]{1,2})?");

    private Yuan() {
    }

    /** The fen of an amount Alipay wrote; empty when it is not an exact yuan amount. */
    static OptionalLong toFen(String yuan) {
        if (yuan == null || !AMOUNT.matcher(yuan).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(new BigDecimal(yuan).movePointRight(2).longValueExact());
    }

    /** Two decimals, as Alipay asks: 1230 fen is "12.30". */
    static String of(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("negative amount: " + fen + " fen");
        }
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
