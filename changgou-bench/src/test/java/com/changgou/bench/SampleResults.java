package com.changgou.bench;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** A run's results with the figures of a real one (docs/bench/results.md), for the report and the chart. */
final class SampleResults {

    private SampleResults() {
    }

    static Results of() {
        Processes.CpuWindow suiteCpu = new Processes.CpuWindow(Map.of("MariaDB (mariadbd)", 7.93, "RabbitMQ (beam.smp)", 1.63,
                "pay", 9.81, "order", 4.53), 2.77, 39.9);
        ThroughputRun.Result throughput = new ThroughputRun.Result(5000, 0, 4.83, 20.21, 5000, true, suiteCpu,
                List.of(new Pipeline.Sample(0.1, 0, 0, 0, 3, 0), new Pipeline.Sample(20.2, 0, 0, 0, 4, 5000)));
        FloorSchemas.Audit audit = new FloorSchemas.Audit(5500, 5500, 5500, 5500, 5500, 5500, 11000, 11000, 5500, 5500);
        Processes.CpuWindow floorCpu = new Processes.CpuWindow(Map.of("MariaDB (mariadbd)", 3.1, "RabbitMQ (beam.smp)", 1.2,
                "pay", 0.01), 1.9, 8.4);
        FloorRun.Result floor = new FloorRun.Result(5000, 500, 32, 5000, 3.1, 4.2, audit, floorCpu);
        PushLatencyRun.Result push = new PushLatencyRun.Result(1000, 100, 50, 0, null, 0, new Percentiles(1000, 8.1, 12.3, 25.0, 40.2),
                new Percentiles(1000, 6.0, 9.5, 20.1, 33.0), new Percentiles(1000, 3.2, 5.1, 9.9, 14.0),
                new Percentiles(1000, 1520.0, 2850.0, 2990.0, 3010.0));
        QrLatencyRun.Result qr = new QrLatencyRun.Result(500, 50, new Percentiles(500, 31.0, 48.0, 77.0, 120.0));
        PerfTestRun.Result perfTest = new PerfTestRun.Result(List.of("-x", "1", "-y", "1", "-f", "persistent", "-c", "50", "-q", "50",
                "-z", "15", "-s", "200"), new PerfTestSummary(16476, 16476));
        return new Results(ZonedDateTime.parse("2026-12-01T23:52:26Z"), "./changgou bench", 2, "OpenJDK 64-Bit Server VM 17.0.15",
                throughput, floor, push, qr, perfTest, Map.of("pay", 301L, "order", 280L), Map.of("pay", 322L, "order", 290L),
                "0.50 0.40 0.30", "3.00 1.20 0.80");
    }
}
