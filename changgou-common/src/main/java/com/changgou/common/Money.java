package com.changgou.common;

/**
 * Money is a {@code long} count of fen (1 yuan = 100 fen) everywhere in the suite; yuan exist
 * only on the way to a human.
 */
public final class Money {

    private Money() {
    }

    /** Renders fen as yuan with two decimals: {@code 1} is {@code "0.01"}, {@code -250} is {@code "-2.50"}. */
    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return "%s%d.%02d".formatted(sign, abs / 100, abs % 100);
    }
}
