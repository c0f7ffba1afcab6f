package com.changgou.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures the suite is held to, each compared with what this run measured. */
final class Targets {

    record Check(String target, String measured, boolean met) {
    }

    static final double THROUGHPUT_SHARE = 0.25;
    static final double FLOOR_SHARE = 0.5;
    static final double PUSH_P99_MS = 100;
    static final double PUSH_P50_MS = 20;
    static final double QR_P99_MS = 150;
    static final long RSS_MB = 350;

    private Targets() {
    }

    static List<Check> check(Results results) {
        List<Check> checks = new ArrayList<>();
        double share = results.throughputShare();
        checks.add(new Check("throughput >= 25% of PerfTest's receiving rate", "%.1f%%".formatted(share * 100),
                results.throughput().complete() && share >= THROUGHPUT_SHARE));
        FloorRun.Result floor = results.floor();
        checks.add(new Check("notification → PAID throughput >= 50% of the floor", "%.1f%% (%.1f of %.1f orders/s%s)".formatted(
                results.floorShare() * 100, results.throughput().ordersPerSecond(), floor.ordersPerSecond(),
                floor.complete() ? "" : "; the floor run was incomplete"),
                results.throughput().complete() && floor.complete() && results.floorShare() >= FLOOR_SHARE));
        Percentiles push = results.push().push();
        checks.add(new Check("push p50 <= 20 ms", Report.ms(push.p50()) + " ms", push.p50() <= PUSH_P50_MS));
        int lost = results.push().lost();
        checks.add(new Check("push p99 <= 100 ms, every payment pushed", Report.ms(push.p99()) + " ms"
                + (lost == 0 ? "" : ", %d never pushed".formatted(lost)), push.p99() <= PUSH_P99_MS && lost == 0));
        double qr = results.qr().latency().p99();
        checks.add(new Check("QR p99 <= 150 ms", Report.ms(qr) + " ms", qr <= QR_P99_MS));
        Map.Entry<String, Long> biggest = results.rssAfter().entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElse(Map.entry("none", 0L));
        checks.add(new Check("no app above 350 MB RSS after the run", "%s %d MB".formatted(biggest.getKey(), biggest.getValue()),
                !results.rssAfter().isEmpty() && biggest.getValue() <= RSS_MB));
        return checks;
    }
}
