package com.changgou.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two averages at the end of a RabbitMQ PerfTest run, read from its standard output. */
record PerfTestSummary(double sendingRate, double receivingRate) {

    // e.g. "id: test-104559-735, sending rate avg: 15437 msg/s" (PerfTest 2.x summary lines)
    private static final Pattern SENDING = Pattern.compile("sending rate avg:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*msg/s");
    private static final Pattern RECEIVING = Pattern.compile("receiving rate avg:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*msg/s");

    static PerfTestSummary parse(String output) {
        return new PerfTestSummary(last(SENDING, output, "sending"), last(RECEIVING, output, "receiving"));
    }

    /** The last match: the summary comes after the per-second lines, which do not use "avg". */
    private static double last(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        Double value = null;
        while (matcher.find()) {
            value = Double.parseDouble(matcher.group(1));
        }
        if (value == null) {
            throw new IllegalArgumentException("PerfTest printed no '%s rate avg' summary".formatted(what));
        }
        return value;
    }
}
