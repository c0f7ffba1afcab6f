package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
