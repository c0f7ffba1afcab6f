package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void theSuiteIsHeldToHalfOfTheFloor() {
        List<Targets.Check> checks = Targets.check(SampleResults.of());

        // 247.4 orders/s against the floor's 1190.5
        assertThat(checks).filteredOn(c -> c.target().equals("notification → PAID throughput >= 50% of the floor"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.measured()).isEqualTo("20.8% (247.4 of 1190.5 orders/s)");
                    assertThat(c.met()).isFalse();
                });
    }

    @Test
    void theReportGivesTheFloorsOrdersPerSecondAndWhereEachRunsCpuWent() {
        Results results = SampleResults.of();

        String markdown = Report.markdown(results, Targets.check(results));

        assertThat(markdown)
                .contains("| floor: the same durable work by a plain program (5000 orders, 5000 of them PAID, "
                        + "first notification → last PAID in 4.20 s; below) | 1190.5 orders/s | 7.2% |")
                .contains("5000 orders after 500\nunrecorded warm-up ones")
                .contains("**1190.5 orders/s**")
                .contains("Every order was paid once")
                .contains("| MariaDB (mariadbd) | 1.59 | 0.62 |")
                .contains("| notification → PAID throughput >= 50% of the floor | 20.8% (247.4 of 1190.5 orders/s) | **missed** |");
    }

    @Test
    void theFloorSectionGivesTheStatementsMariaDbServedPerPaidOrderInEachRun() {
        Results results = SampleResults.of();

        String markdown = Report.markdown(results, Targets.check(results));

        // suite: 99 900 statements, 27 400 commits, 100 SETs for 5000 orders; floor: 62 150, 15 000, 0 for 5000
        assertThat(markdown).contains("""
                | MariaDB statements per paid order | suite | floor |
                |---|---|---|
                | statements (`Questions`) | 19.98 | 12.43 |
                | commits (`Com_commit`) | 5.48 | 3.00 |
                | session SETs (`Com_set_option`) | 0.02 | 0.00 |
                """);
        // right after the floor's CPU table, before the push section
        assertThat(markdown.indexOf("| MariaDB statements per paid order |"))
                .isGreaterThan(markdown.indexOf("| bench JVM (the suite's load; the floor itself) |"))
                .isLessThan(markdown.indexOf("## Push latency"));
    }

    @Test
    void countersThatCouldNotBeReadAreSaidSoInTheirColumn() {
        Results results = SampleResults.of(SampleResults.throughput(DatabaseCounters.Counts.UNKNOWN), SampleResults.push(),
                SampleResults.of().up());

        String markdown = Report.markdown(results, Targets.check(results));

        assertThat(markdown)
                .contains("| statements (`Questions`) | could not be read | 12.43 |")
                .contains("| commits (`Com_commit`) | could not be read | 3.00 |")
                .contains("| session SETs (`Com_set_option`) | could not be read | 0.00 |");
    }

    @Test
    void thePushSectionShowsBothModesSideBySideAndThePollingBesideTheTokenRoutedOne() {
        Results results = SampleResults.of();

        String markdown = Report.markdown(results, Targets.check(results));

        assertThat(markdown)
                .contains("## Push latency (1000 pages open at once, 1000 payments at 50/s, in each mode; "
                        + "100 unrecorded warm-up payments first)")
                .contains("opened through `ws://127.0.0.1:8080/api/wxpay/push` with its shopper's session")
                .contains("""
                        | ms | token-routed | plain fanout |
                        |---|---|---|
                        | p50 | 8.10 | 310.0 |
                        | p95 | 12.3 | 1900.0 |
                        | p99 | 25.0 | 2400.0 |
                        | max | 40.2 | 2800.0 |
                        | frames per payment | 1.00 | 998.12 |
                        | pages | 1000 | 1000 |
                        | never pushed | 0 | 3 |
                        """)
                .contains("| push (Web STOMP, token-routed) (n=1000) | 8.10 | 12.3 | 25.0 | 40.2 | 1.0× |")
                .contains("| 3 s polling (n=1000) | 1520.0 | 2850.0 | 2990.0 | 3010.0 | 187.7× |")
                .contains("at most 120 s after the last payment");
    }

    @Test
    void aModeWithNoFrameAtAllShowsDashesNotNumbers() {
        PushLatencyRun.Mode nothing = new PushLatencyRun.Mode(PushMode.PLAIN_FANOUT, 990, 10, 1000, 0,
                PushLatencyRun.percentiles(List.of()), 1000, 0, "990 of 990 pages, first: closed by the server (1000 bye)",
                SampleResults.NO_LOAD);
        Results results = SampleResults.of(SampleResults.throughput(), SampleResults.push(SampleResults.routed(1000, 1000), nothing),
                SampleResults.of().up());

        String markdown = Report.markdown(results, Targets.check(results));

        assertThat(markdown)
                .contains("| p50 | 8.10 | – |")
                .contains("| pages | 1000 | 990 (10 could not open) |")
                .contains("**plain fanout pages lost their connection during the run (990 of 990 pages, first: closed by the server");
    }

    @Test
    void eachPushModeShowsWhatItsPaymentsCostEachProcessAndTheDatabase() {
        PushLatencyRun.Load routedLoad = new PushLatencyRun.Load(
                new Processes.CpuWindow(Map.of("pay", 5.0, "RabbitMQ (beam.smp)", 2.0), 1.0, 30.0),
                new DatabaseCounters.Counts(15_000, 4_000, 0));
        PushLatencyRun.Load fanoutLoad = new PushLatencyRun.Load(
                new Processes.CpuWindow(Map.of("pay", 5.5, "RabbitMQ (beam.smp)", 40.0), 1.5, 80.0), DatabaseCounters.Counts.UNKNOWN);
        PushLatencyRun.Mode routed = new PushLatencyRun.Mode(PushMode.TOKEN_ROUTED, 1000, 0, 1000, 0,
                new Percentiles(1000, 8.1, 12.3, 25.0, 40.2), 0, 1000, null, routedLoad);
        PushLatencyRun.Mode fanout = new PushLatencyRun.Mode(PushMode.PLAIN_FANOUT, 1000, 0, 1000, 0,
                new Percentiles(997, 310.0, 1900.0, 2400.0, 2800.0), 3, 998_120, null, fanoutLoad);
        Results results = SampleResults.of(SampleResults.throughput(), SampleResults.push(routed, fanout), SampleResults.of().up());

        String markdown = Report.markdown(results, Targets.check(results));

        // per payment: 5.0 CPU s / 1000 = 5.00 ms; 40.0 / 1000 = 40.00 ms; 15 000 statements / 1000 = 15.00
        assertThat(markdown).contains("""
                | per payment | token-routed | plain fanout |
                |---|---|---|
                | CPU ms, RabbitMQ (beam.smp) | 2.00 | 40.00 |
                | CPU ms, pay | 5.00 | 5.50 |
                | CPU ms, bench (this tool) | 1.00 | 1.50 |
                | MariaDB statements (`Questions`) | 15.00 | could not be read |
                | MariaDB commits (`Com_commit`) | 4.00 | could not be read |
                """);
        assertThat(markdown.indexOf("| per payment | token-routed | plain fanout |"))
                .isGreaterThan(markdown.indexOf("## Push latency"))
                .isLessThan(markdown.indexOf("## QR latency"));
    }

    @Test
    void theTargetsComeInTheIssuesOrder() {
        List<Targets.Check> checks = Targets.check(SampleResults.of());

        assertThat(checks).extracting(Targets.Check::target).containsExactly(
                "notification → PAID throughput >= 50% of the floor",
                "CPU per paid order over gateway, pay, order, MariaDB and RabbitMQ <= 3.0 ms",
                "push p50 <= 20 ms, 1000 pages open (token-routed)",
                "push p99 <= 100 ms, every payment pushed (token-routed)",
                "broker delivers <= 1.1 frames per payment to pages (token-routed)",
                "QR p99 <= 150 ms",
                "no app above 350 MB RSS after the run",
                "`./changgou up` <= 60 s");
    }
}
