package com.changgou.weborder.ops;

import com.changgou.common.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the console writes times and money: instants in the server's zone (the one the search form's
 * times are read in), to the second; fen as yuan. Templates reach it as {@code fmt}.
 */
record OpsFormat(ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static OpsFormat ofServer() {
        return new OpsFormat(ZoneId.systemDefault());
    }

    public String time(Instant at) {
        return at == null ? "–" : TIME.format(at.atZone(zone));
    }

    /** The value a {@code datetime-local} input takes. */
    public String input(Instant at) {
        return at == null ? "" : INPUT.format(at.atZone(zone));
    }

    public String yuan(long fen) {
        return Money.yuan(fen);
    }
}
