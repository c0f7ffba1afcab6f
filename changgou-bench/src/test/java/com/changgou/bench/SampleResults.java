package com.changgou.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** A run's results with the figures of a real one (docs/bench/results.md), for the report and the chart. */
final class SampleResults {

    /** A push mode whose CPU and statements were not measured. */
    static final PushLatencyRun.Load NO_LOAD = new PushLatencyRun.Load(new Processes.CpuWindow(Map.of(), 0, 0),
            DatabaseCounters.Counts.UNKNOWN);

    private SampleResults() {
    }

    static Results of() {
        return of(throughput(), push(), new UpTime(Path.of("/work/.run/up-seconds"), OptionalInt.of(57), null));
    }

    static Results of(ThroughputRun.Result throughput, PushLatencyRun.Result push, UpTime up) {
        FloorSchemas.Audit audit = new FloorSchemas.Audit(5500, 5500, 5500, 5500, 5500, 5500, 11000, 11000, 5500, 5500);
        Processes.CpuWindow floorCpu = new Processes.CpuWindow(Map.of("MariaDB (mariadbd)", 3.1, "RabbitMQ (beam.smp)", 1.2,
                "pay", 0.01), 1.9, 8.4);
        // 12.43 statements, 3.00 commits and no session SET per order
        DatabaseCounters.Counts floorStatements = new DatabaseCounters.Counts(62_150, 15_000, 0);
        FloorRun.Result floor = new FloorRun.Result(5000, 500, 32, 5000, 3.1, 4.2, audit, floorCpu, floorStatements);
        QrLatencyRun.Result qr = new QrLatencyRun.Result(500, 50, new Percentiles(500, 31.0, 48.0, 77.0, 120.0));
        PerfTestRun.Result perfTest = new PerfTestRun.Result(List.of("-x", "1", "-y", "1", "-f", "persistent", "-c", "50", "-q", "50",
                "-z", "15", "-s", "200"), new PerfTestSummary(16476, 16476));
        return new Results(ZonedDateTime.parse("2026-12-01T23:52:26Z"), "./changgou bench", 2, "OpenJDK 64-Bit Server VM 17.0.15",
                throughput, floor, push, qr, perfTest, Map.of("pay", 301L, "order", 280L), Map.of("pay", 322L, "order", 290L),
                "0.50 0.40 0.30", "3.00 1.20 0.80", up);
    }

    /**
     * 5000 orders paid in 20.21 s; the product's processes used 29.15 CPU seconds, 5.83 ms per order; MariaDB served
     * 19.98 statements per order, 5.48 of them commits, 0.02 session SETs.
     */
    static ThroughputRun.Result throughput() {
        return throughput(new DatabaseCounters.Counts(99_900, 27_400, 100));
    }

    /** The same throughput run with MariaDB's counts of its window. */
    static ThroughputRun.Result throughput(DatabaseCounters.Counts database) {
        Processes.CpuWindow suiteCpu = new Processes.CpuWindow(Map.of("MariaDB (mariadbd)", 7.93, "RabbitMQ (beam.smp)", 1.63,
                "gateway", 5.25, "pay", 9.81, "order", 4.53, "sandbox", 7.32, "web-order", 0.04), 2.77, 39.9);
        return new ThroughputRun.Result(5000, 500, 64, 0, 4.83, 20.21, 5000, true, suiteCpu, database,
                List.of(new Pipeline.Sample(0.1, 0, 0, 0, 3, 0), new Pipeline.Sample(20.2, 0, 0, 0, 4, 5000)));
    }

    static PushLatencyRun.Result push() {
        return push(routed(1000, 1000), fanout());
    }

    static PushLatencyRun.Result push(PushLatencyRun.Mode routed, PushLatencyRun.Mode fanout) {
        return new PushLatencyRun.Result(URI.create("ws://127.0.0.1:8080/api/wxpay/push"), 1000, 100, 50, 120, routed, fanout,
                new Percentiles(1000, 6.0, 9.5, 20.1, 33.0), new Percentiles(1000, 3.2, 5.1, 9.9, 14.0),
                new Percentiles(1000, 1520.0, 2850.0, 2990.0, 3010.0));
    }

    /** Token-routed pages: every payment pushed, {@code frames} frames in all. */
    static PushLatencyRun.Mode routed(int pages, long frames) {
        return new PushLatencyRun.Mode(PushMode.TOKEN_ROUTED, pages, 0, 1000, 0, new Percentiles(1000, 8.1, 12.3, 25.0, 40.2), 0,
                frames, null, NO_LOAD);
    }

    /** The plain fanout's pages: the broker dropped some frames, and 3 pages never got theirs. */
    static PushLatencyRun.Mode fanout() {
        return new PushLatencyRun.Mode(PushMode.PLAIN_FANOUT, 1000, 0, 1000, 0, new Percentiles(997, 310.0, 1900.0, 2400.0, 2800.0),
                3, 998_120, null, NO_LOAD);
    }
}
