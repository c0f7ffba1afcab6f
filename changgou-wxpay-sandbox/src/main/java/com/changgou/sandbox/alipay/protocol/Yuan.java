package com.changgou.sandbox.alipay.protocol;

import com.changgou.common.Money;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Alipay's amounts are yuan strings ("88.80"); inside the sandbox they are fen. Parsing is exact (no floating
 * point) and refuses more than two decimals, signs and exponents, as Alipay's gateway does.
 */
public final class Yuan {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,2}))?");
    /** Alipay's range for one trade: [0.01, 100000000.00] yuan. */
    public static final long MAX_FEN = 100_000_000_00L;

    private Yuan() {
    }

    public static OptionalLong toFen(String yuan) {
        if (yuan == null) {
            return OptionalLong.empty();
        }
        var matcher = AMOUNT.matcher(yuan.trim());
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        String decimals = matcher.group(2) == null ? "00" : (matcher.group(2) + "0").substring(0, 2);
        return OptionalLong.of(Long.parseLong(matcher.group(1)) * 100 + Long.parseLong(decimals));
    }

    public static String of(long fen) {
        return Money.yuan(fen);
    }
}
