package com.changgou.bench;

import java.time.ZonedDateTime;
import java.util.Map;

/** Everything one run measured, and how it was run. */
record Results(ZonedDateTime started, String command, int cores, String java, ThroughputRun.Result throughput,
               FloorRun.Result floor, PushLatencyRun.Result push, QrLatencyRun.Result qr, PerfTestRun.Result perfTest,
               Map<String, Long> rssAtRest, Map<String, Long> rssAfter,
               String loadBefore, String loadAfter, UpTime up) {

    /** The suite's orders/s as a share of PerfTest's confirmed, persistent, consumed messages/s: information, not a target. */
    double throughputShare() {
        return throughput.ordersPerSecond() / perfTest.summary().receivingRate();
    }

    /** The suite's orders/s as a share of the floor's: the same durable work without the product around it. */
    double floorShare() {
        return throughput.ordersPerSecond() / floor.ordersPerSecond();
    }
}
