package com.changgou.bench;

import com.changgou.testkit.WeChatNotification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./changgou bench}: measures the suite that {@code ./changgou up} started, in one run, and
 * writes docs/bench/results.md and results.png. It starts nothing and fails plainly when the suite
 * is not up. Order: memory at rest, the PerfTest reference (suite idle), QR latency, push latency,
 * throughput (the heaviest of the suite's runs), the floor (the same durable work without the suite,
 * right after, on the same machine and services), memory after the run. How long {@code ./changgou up}
 * took is read from the run folder, where {@code ./changgou} keeps it.
 */
public final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        Suite suite = Suite.fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
        try {
            suite.requireUp();
        } catch (Suite.SuiteNotUp e) {
            log.error(e.getMessage());
            System.exit(1);
            return;
        }
        Results results = run(suite, options);
        List<Targets.Check> checks = Targets.check(results);
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("results.md"), Report.markdown(results, checks));
        Chart.write(results, options.out().resolve("results.png"));
        log.info("");
        checks.forEach(c -> log.info("{}  {} (measured {})", c.met() ? "met   " : "MISSED", c.target(), c.measured()));
        log.info("wrote {} and {}", options.out().resolve("results.md"), options.out().resolve("results.png"));
        System.exit(0);
    }

    private static Results run(Suite suite, BenchOptions options) throws Exception {
        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000) + ThreadLocalRandom.current().nextInt(100);
        String command = ("./changgou bench " + String.join(" ", options.arguments())).strip();
        log.info("bench {} against {} ({} cores)", runId, suite.gateway(), Runtime.getRuntime().availableProcessors());
        String loadBefore = Processes.loadAverage();
        Map<String, Long> rssAtRest = Processes.residentMegabytes(suite.runDir());
        log.info("resident memory at rest (MB): {}", rssAtRest);

        log.info("PerfTest reference ({} s)", options.perfTestSeconds());
        PerfTestRun.Result perfTest = new PerfTestRun(suite, options).run(runId);

        log.info("QR latency: {} wxpay pages after {} warm-up", options.qrCalls(), options.qrWarmUp());
        QrLatencyRun.Result qr = new QrLatencyRun(suite, options).run(runId);

        log.info("throughput: {} orders paid through the sandbox, {} callers", options.orders(), options.concurrency());
        ThroughputRun.Result throughput = new ThroughputRun(suite, options).run(runId);
        log.info("  {} of {} PAID in {} s: {} orders/s", throughput.paid(), throughput.orders(),
                String.format("%.2f", throughput.seconds()), String.format("%.1f", throughput.ordersPerSecond()));

        log.info("floor: the same durable work for {} orders by a plain program, {} notifiers (as many as the sandbox"
                + " sent at once)", options.orders(), throughput.notificationsAtOnce());
        FloorRun.Result floor = new FloorRun(suite, options, throughput.notificationsAtOnce(), Path.of("").toAbsolutePath(),
                WeChatNotification.fromEnvironment(System.getenv())).run(runId);
        log.info("  {} of {} PAID in {} s (notifications stored after {} s): {} orders/s", floor.paid(), floor.orders(),
                String.format("%.2f", floor.seconds()), String.format("%.2f", floor.notifiedSeconds()),
                String.format("%.1f", floor.ordersPerSecond()));


        // the push run last: a thousand pages on the plain fanout can swamp the broker and the gateway
        // (that is what it shows), and nothing measured after it should inherit the mess
        log.info("push latency: {} pages open at once, their payments at {}/s, token-routed then on the plain fanout",
                options.pushPages(), options.pushRate());
        PushLatencyRun.Result push = new PushLatencyRun(suite, options, WeChatNotification.fromEnvironment(System.getenv()))
                .run(runId);
        for (PushLatencyRun.Mode mode : List.of(push.tokenRouted(), push.fanout())) {
            log.info("  {}: push p50 {} ms, p99 {} ms, {} frames per payment, {} never pushed", mode.mode().label(),
                    Report.ms(mode.push().p50()), Report.ms(mode.push().p99()), String.format("%.2f", mode.framesPerPayment()),
                    mode.neverPushed());
        }
        log.info("  polling p50 {} ms", Report.ms(push.polling().p50()));

        Map<String, Long> rssAfter = Processes.residentMegabytes(suite.runDir());
        log.info("resident memory after the run (MB): {}", rssAfter);
        return new Results(started, command, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                throughput, floor, push, qr, perfTest, rssAtRest, rssAfter,
                loadBefore, Processes.loadAverage(), UpTime.read(suite.runDir()));
    }
}
