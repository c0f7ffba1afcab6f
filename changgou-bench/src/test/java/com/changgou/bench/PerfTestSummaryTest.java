package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PerfTestSummaryTest {

    // Captured from PerfTest 2.22.1 (-x 1 -y 1 -f persistent -c 50 -q 50 -z 3 -s 200) on this machine.
    private static final String OUTPUT = """
            id: test-203325-753, starting consumer #0
            id: test-203325-753, time 1.041 s, sent: 6793 msg/s, confirmed: 6745 msg/s, nacked: 0 msg/s, received: 6745 msg/s, min/median/75th/95th/99th consumer latency: 481/2699/7420/15827/72041 µs, confirm latency: 874/2880/5914/12936/28263 µs
            id: test-203325-753, time 3.000 s, sent: 18150 msg/s, confirmed: 18105 msg/s, nacked: 0 msg/s, received: 18150 msg/s, min/median/75th/95th/99th consumer latency: 323/1992/3067/5982/8059 µs, confirm latency: 1138/2175/2676/4703/6691 µs
            test stopped (Reached time limit)
            id: test-203325-753, sending rate avg: 13138 msg/s
            id: test-203325-753, receiving rate avg: 13120 msg/s
            id: test-203325-753, consumer latency min/median/75th/95th/99th 370/2218/3804/10588/39397 µs
            id: test-203325-753, confirm latency min/median/75th/95th/99th 1134/2273/3006/6429/11900 µs
            """;

    @Test
    void readsBothAveragesFromTheSummaryNotThePerSecondLines() {
        PerfTestSummary summary = PerfTestSummary.parse(OUTPUT);

        assertThat(summary.sendingRate()).isEqualTo(13138);
        assertThat(summary.receivingRate()).isEqualTo(13120);
    }

    @Test
    void acceptsFractionalRates() {
        PerfTestSummary summary = PerfTestSummary.parse("id: x, sending rate avg: 12.5 msg/s\nid: x, receiving rate avg: 7.25 msg/s\n");

        assertThat(summary.sendingRate()).isEqualTo(12.5);
        assertThat(summary.receivingRate()).isEqualTo(7.25);
    }

    @Test
    void aRunThatDiedBeforeItsSummaryIsAnError() {
        String died = OUTPUT.substring(0, OUTPUT.indexOf("test stopped"));

        assertThatThrownBy(() -> PerfTestSummary.parse(died))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sending rate avg");
    }

    @Test
    void aMissingReceivingLineIsAnErrorToo() {
        assertThatThrownBy(() -> PerfTestSummary.parse("id: x, sending rate avg: 10 msg/s\n"))
                .hasMessageContaining("receiving rate avg");
    }
}
