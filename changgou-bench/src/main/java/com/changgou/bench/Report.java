package com.changgou.bench;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The markdown page of one run: how it was run, every figure it measured, and the targets. */
final class Report {

    private Report() {
    }

    /** What the report shows where a run measured nothing (no frame arrived, say). */
    static final String NONE = "–";

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return NONE;
        }
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    static String markdown(Results r, List<Targets.Check> checks) {
        StringBuilder md = new StringBuilder("# Changgou Pay benchmark\n\n");
        md.append("Measured in one run on %d cores (%s), %s, against the suite started by `./changgou up` on loopback, the sandbox playing WeChat.\n\n"
                .formatted(r.cores(), r.java(), r.started().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        md.append("Command: `%s`\n\n".formatted(r.command()));
        md.append(("The machine is shared: load average (1/5/15 min) %s at the start, %s at the end. Every figure below was "
                + "measured in this run; none is estimated or carried over.\n\n").formatted(r.loadBefore(), r.loadAfter()));
        md.append(throughput(r)).append(cpu(r)).append(floor(r)).append(push(r)).append(qr(r)).append(memory(r));
        md.append("## Targets\n\n| target | measured | |\n|---|---|---|\n");
        checks.forEach(c -> md.append("| %s | %s | %s |\n".formatted(c.target(), c.measured(), c.met() ? "met" : "**missed**")));
        md.append("\n![results](results.png)\n");
        return md.toString();
    }

    private static String throughput(Results r) {
        ThroughputRun.Result t = r.throughput();
        PerfTestSummary p = r.perfTest().summary();
        return """
                ## Throughput

                | figure | value | ratio to PerfTest receiving |
                |---|---|---|
                | notifications: orders reaching PAID per second (%d orders after %d unrecorded warm-up ones, %d of them seen PAID, first notification → last PAID in %.2f s; paid at the sandbox in %.2f s before, their notifications held there; %d scans failed) | %.1f orders/s | %.1f%% |
                | floor: the same durable work by a plain program (%d orders, %d of them PAID, first notification → last PAID in %.2f s; below) | %.1f orders/s | %.1f%% |
                | PerfTest sending rate avg (`%s`, %d s) | %.0f msg/s | %.1f%% |
                | PerfTest receiving rate avg | %.0f msg/s | 100%% |

                """.formatted(t.orders(), t.warmUp(), t.paid(), t.seconds(), t.scansSeconds(), t.scanFailures(), t.ordersPerSecond(),
                r.throughputShare() * 100, r.floor().orders(), r.floor().paid(), r.floor().seconds(), r.floor().ordersPerSecond(),
                r.floor().ordersPerSecond() / p.receivingRate() * 100, String.join(" ", r.perfTest().arguments()),
                perfSeconds(r.perfTest()), p.sendingRate(), p.sendingRate() / p.receivingRate() * 100, p.receivingRate());
    }

    /** Where the CPU went while the orders were being paid: the evidence behind the throughput figure. */
    private static String cpu(Results r) {
        ThroughputRun.Result t = r.throughput();
        Processes.CpuWindow cpu = t.cpu();
        StringBuilder md = new StringBuilder("""
                CPU used during the throughput window (%.2f s × %d cores = %.1f core-seconds available; the machine was busy
                %.1f of them, anything else running on it included):

                | process | CPU s | CPU ms per paid order |
                |---|---|---|
                """.formatted(t.seconds(), r.cores(), t.seconds() * r.cores(), cpu.machine()));
        cpu.processes().forEach((name, seconds) -> md.append(cpuRow(name, seconds, t.paid())));
        md.append(cpuRow("bench (this tool)", cpu.bench(), t.paid()));
        double all = cpu.processes().values().stream().mapToDouble(Double::doubleValue).sum() + cpu.bench();
        md.append(cpuRow("**all of the above**", all, t.paid()));
        return md.append('\n').append(pipeline(t.pipeline())).toString();
    }

    /** The floor, and where the CPU went in each of the two windows: what the product adds to the durable work. */
    private static String floor(Results r) {
        FloorRun.Result f = r.floor();
        ThroughputRun.Result t = r.throughput();
        StringBuilder md = new StringBuilder("""
                ## The floor ([floor.md](floor.md))

                The durable work of each paid order (pay's transaction and verdict, both outbox relays with publisher
                confirms, order's consumer and transaction), done by a plain program with JDBC and the RabbitMQ client, %d
                notifiers at once (as many as the sandbox sent the suite at once), on the same MariaDB and RabbitMQ right
                after the throughput run: %d orders after %d
                unrecorded warm-up ones, first notification → last PAID in %.2f s (the last notification stored after
                %.2f s), **%.1f orders/s**. The suite's notification → PAID throughput is **%.1f%%** of it.

                %s

                | process | CPU ms per paid order, suite | CPU ms per paid order, floor |
                |---|---|---|
                """.formatted(f.concurrency(), f.orders(), f.warmUp(), f.seconds(), f.notifiedSeconds(), f.ordersPerSecond(),
                r.floorShare() * 100, audit(f)));
        TreeSet<String> processes = new TreeSet<>(t.cpu().processes().keySet());
        processes.addAll(f.cpu().processes().keySet());
        for (String process : processes) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", process,
                    perOrder(t.cpu().processes().get(process), t.paid()), perOrder(f.cpu().processes().get(process), f.paid())));
        }
        md.append(String.format(Locale.ROOT, "| bench JVM (the suite's load; the floor itself) | %.2f | %.2f |%n",
                perOrder(t.cpu().bench(), t.paid()), perOrder(f.cpu().bench(), f.paid())));
        return md.append('\n').append(statements(t.database(), t.paid(), f.database(), f.paid())).toString();
    }

    /**
     * The statements MariaDB served per paid order in each window: unlike CPU seconds they do not move with the
     * machine's speed, so they show what a change to the services' database use did.
     */
    static String statements(DatabaseCounters.Counts suite, long suitePaid, DatabaseCounters.Counts floor, long floorPaid) {
        return """
                Statements MariaDB served in the same windows (its global counters: every client of the server, the bench's
                own polling included):

                | MariaDB statements per paid order | suite | floor |
                |---|---|---|
                | statements (`Questions`) | %s | %s |
                | commits (`Com_commit`) | %s | %s |
                | session SETs (`Com_set_option`) | %s | %s |

                """.formatted(
                statementCell(suite, suite.statementsPerOrder(suitePaid)), statementCell(floor, floor.statementsPerOrder(floorPaid)),
                statementCell(suite, suite.commitsPerOrder(suitePaid)), statementCell(floor, floor.commitsPerOrder(floorPaid)),
                statementCell(suite, suite.sessionSetsPerOrder(suitePaid)), statementCell(floor, floor.sessionSetsPerOrder(floorPaid)));
    }

    /** Two decimals, or what the report says where the server's counters could not be read. */
    private static String statementCell(DatabaseCounters.Counts counts, double perOrder) {
        return counts.known() ? String.format(Locale.ROOT, "%.2f", perOrder) : "could not be read";
    }

    private static String audit(FloorRun.Result f) {
        FloorSchemas.Audit a = f.audit();
        if (f.complete()) {
            return "Every order was paid once, with one log row, and every outbox message was confirmed and marked SENT.";
        }
        return ("**The floor run is incomplete**, so its figure is not the floor: %d orders PAID, %d PAID log rows for %d orders, "
                + "%d SUCCESS pay records, %d pay log rows, %d notify log rows, pay outbox %d of %d SENT, order outbox %d of %d SENT.")
                .formatted(a.paidOrders(), a.paidLogRows(), a.ordersWithPaidLog(), a.paidRecords(), a.payLogRows(),
                        a.notifyLogRows(), a.payOutboxSent(), a.payOutboxRows(), a.orderOutboxSent(), a.orderOutboxRows());
    }

    private static double perOrder(Double cpuSeconds, long orders) {
        return cpuSeconds == null ? 0 : cpuSeconds * 1000 / Math.max(1, orders);
    }

    /** About 15 evenly spread samples of the pipeline's backlogs, the last one always included. */
    private static String pipeline(List<Pipeline.Sample> samples) {
        StringBuilder md = new StringBuilder("""
                Backlog along the way during the throughput window (-1: could not be read):

                | s | sandbox notifications pending | pay outbox NEW | `order.pay.result` messages (consumers) | orders PAID |
                |---|---|---|---|---|
                """);
        int step = Math.max(1, samples.size() / 15);
        for (int i = 0; i < samples.size(); i++) {
            if (i % step == 0 || i == samples.size() - 1) {
                Pipeline.Sample s = samples.get(i);
                md.append(String.format(Locale.ROOT, "| %.1f | %d | %d | %d (%d) | %d |%n", s.seconds(), s.sandboxPending(),
                        s.outboxNew(), s.queued(), s.consumers(), s.paid()));
            }
        }
        return md.append('\n').toString();
    }

    private static String cpuRow(String name, double seconds, long orders) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", name, seconds, seconds * 1000 / Math.max(1, orders));
    }

    private static int perfSeconds(PerfTestRun.Result perfTest) {
        int z = perfTest.arguments().indexOf("-z");
        return Integer.parseInt(perfTest.arguments().get(z + 1));
    }

    private static String push(Results r) {
        PushLatencyRun.Result p = r.push();
        PushLatencyRun.Mode routed = p.tokenRouted();
        PushLatencyRun.Mode fanout = p.fanout();
        StringBuilder md = new StringBuilder("""
                ## Push latency (%d pages open at once, %d payments at %d/s, in each mode; %d unrecorded warm-up payments first)

                Each page is a WebSocket and STOMP session of its own, opened through `%s` with its shopper's session
                cookie as the wxpay page opens it, and waits for its own payment. Token-routed: %d pages, each subscribed to its
                own token on `paynotify.token` (as the wxpay page is), while their payments are paid. Plain fanout: right after,
                %d other pages (new orders, the same rate), each subscribed to the `paynotify` fanout itself and keeping the
                frame whose body carries its token.

                | ms | token-routed | plain fanout |
                |---|---|---|
                """.formatted(p.payments(), p.payments(), p.rate(), p.warmUp(), p.url(), routed.pages(), fanout.pages()));
        md.append("| p50 | %s | %s |\n".formatted(ms(routed.push().p50()), ms(fanout.push().p50())));
        md.append("| p95 | %s | %s |\n".formatted(ms(routed.push().p95()), ms(fanout.push().p95())));
        md.append("| p99 | %s | %s |\n".formatted(ms(routed.push().p99()), ms(fanout.push().p99())));
        md.append("| max | %s | %s |\n".formatted(ms(routed.push().max()), ms(fanout.push().max())));
        md.append(String.format(Locale.ROOT, "| frames per payment | %.2f | %.2f |%n", routed.framesPerPayment(),
                fanout.framesPerPayment()));
        md.append("| pages | %s | %s |\n".formatted(pages(routed), pages(fanout)));
        md.append("| never pushed | %d | %d |\n".formatted(routed.neverPushed(), fanout.neverPushed()));
        md.append("| notifications refused | %d | %d |\n\n".formatted(routed.refused(), fanout.refused()));
        md.append("""
                The token-routed payments beside the seeds' polling:

                | ms | p50 | p95 | p99 | max | ratio p50 to push |
                |---|---|---|---|---|---|
                """);
        md.append(row("push (Web STOMP, token-routed)", routed.push(), routed.push()))
                .append(row("3 s polling", p.polling(), routed.push()))
                .append(row("notify POST → reply", p.notifyReply(), routed.push()))
                .append(row("status GET round trip", p.statusRoundTrip(), routed.push()));
        md.append("""

                Push: from the bench's notification POST to the MESSAGE frame with that payment's token at its page, timed from
                the instant the POST was due at the paced rate, so that a stall of the bench's own sender counts against the
                figure instead of hiding from it (coordinated omission). Percentiles are HdrHistogram's, to three significant
                digits. Frames per payment: every MESSAGE frame the mode's pages received from the first payment until the
                frames stopped coming (at most %d s after the last payment), divided by the payments. Polling: the seeds'
                3-second short polling for the same payments, from the same instant: the notification's reply time (the pay
                record is committed by then) + a random poll phase in [0, 3 s) + a measured `GET /api/wxpay/status` round trip.

                """.formatted(p.settleSeconds()));
        md.append(pushLoad(routed, fanout));
        for (PushLatencyRun.Mode mode : List.of(routed, fanout)) {
            if (mode.connectionsLost() != null) {
                md.append("**%s pages lost their connection during the run (%s).** The percentiles are of the frames that arrived.\n\n"
                        .formatted(mode.mode().label(), mode.connectionsLost()));
            }
        }
        return md.toString();
    }

    /**
     * What each mode's payments cost the machine at the paced rate: where the latency's queueing comes from, and what
     * the plain fanout's frames cost the broker. Per payment, over the mode's window (its pages' upkeep included).
     */
    static String pushLoad(PushLatencyRun.Mode routed, PushLatencyRun.Mode fanout) {
        StringBuilder md = new StringBuilder("""
                What the machine spent per payment while each mode's payments were paid (from the first notification until the
                frames stopped coming, the open pages' upkeep included):

                | per payment | token-routed | plain fanout |
                |---|---|---|
                """);
        TreeSet<String> processes = new TreeSet<>(routed.load().cpu().processes().keySet());
        processes.addAll(fanout.load().cpu().processes().keySet());
        for (String process : processes) {
            md.append(String.format(Locale.ROOT, "| CPU ms, %s | %.2f | %.2f |%n", process,
                    perOrder(routed.load().cpu().processes().get(process), routed.payments()),
                    perOrder(fanout.load().cpu().processes().get(process), fanout.payments())));
        }
        md.append(String.format(Locale.ROOT, "| CPU ms, bench (this tool) | %.2f | %.2f |%n",
                perOrder(routed.load().cpu().bench(), routed.payments()), perOrder(fanout.load().cpu().bench(), fanout.payments())));
        DatabaseCounters.Counts r = routed.load().database();
        DatabaseCounters.Counts f = fanout.load().database();
        md.append("| MariaDB statements (`Questions`) | %s | %s |\n".formatted(statementCell(r, r.statementsPerOrder(routed.payments())),
                statementCell(f, f.statementsPerOrder(fanout.payments()))));
        md.append("| MariaDB commits (`Com_commit`) | %s | %s |\n\n".formatted(statementCell(r, r.commitsPerOrder(routed.payments())),
                statementCell(f, f.commitsPerOrder(fanout.payments()))));
        return md.toString();
    }

    private static String pages(PushLatencyRun.Mode mode) {
        return mode.pagesRefused() == 0 ? Integer.toString(mode.pages())
                : "%d (%d could not open)".formatted(mode.pages(), mode.pagesRefused());
    }

    private static String row(String name, Percentiles p, Percentiles push) {
        return "| %s (n=%d) | %s | %s | %s | %s | %s |\n".formatted(name, p.count(), ms(p.p50()), ms(p.p95()), ms(p.p99()),
                ms(p.max()), ratio(p.p50(), push.p50()));
    }

    private static String ratio(double value, double push) {
        double ratio = value / push;
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.1f×", ratio) : NONE;
    }

    private static String qr(Results r) {
        QrLatencyRun.Result q = r.qr();
        return """
                ## QR latency (`GET /api/wxpay?orderId=` for fresh orders, %d calls after %d warm-up calls, one at a time)

                | ms | p50 | p95 | p99 | max |
                |---|---|---|---|---|
                | wxpay page (web-order → order → pay → unifiedorder) | %s | %s | %s | %s |

                """.formatted(q.calls(), q.warmUp(), ms(q.latency().p50()), ms(q.latency().p95()), ms(q.latency().p99()),
                ms(q.latency().max()));
    }

    private static String memory(Results r) {
        StringBuilder md = new StringBuilder("## Resident memory (VmRSS, MB)\n\n| app | at rest, before this run | after the run |\n|---|---|---|\n");
        TreeSet<String> apps = new TreeSet<>(r.rssAtRest().keySet());
        apps.addAll(r.rssAfter().keySet());
        for (String app : apps) {
            md.append("| %s | %s | %s |\n".formatted(app, value(r.rssAtRest(), app), value(r.rssAfter(), app)));
        }
        return md.append('\n').toString();
    }

    private static String value(Map<String, Long> rss, String app) {
        Long mb = rss.get(app);
        return mb == null ? "not running" : mb.toString();
    }
}
