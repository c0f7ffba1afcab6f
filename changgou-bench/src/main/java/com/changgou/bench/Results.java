package com.changgou.bench;

import java.time.ZonedDateTime;
import java.util.Map;

/** Everything one run measured, and how it was run. */
record Results(ZonedDateTime started, String command, int cores, String java, ThroughputRun.Result throughput,
               PushLatencyRun.Result push, QrLatencyRun.Result qr, PerfTestRun.Result perfTest,
               Map<String, Long> rssAtRest, Map<String, Long> rssAfter,
               String loadBefore, String loadAfter) {

    /** The suite's orders/s as a share of PerfTest's confirmed, persistent, consumed messages/s. */
    double throughputShare() {
        return throughput.ordersPerSecond() / perfTest.summary().receivingRate();
    }
}
