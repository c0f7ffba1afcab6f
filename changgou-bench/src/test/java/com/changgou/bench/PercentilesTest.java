package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void oneToHundredGivesTheNearestRankOfEachPercentile() {
        double[] samples = DoubleStream.iterate(100, v -> v - 1).limit(100).toArray();

        Percentiles p = Percentiles.ofMillis(samples);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void everyPercentileIsASampleThatWasMeasured() {
        Percentiles p = Percentiles.ofMillis(List.of(3.0, 1.0, 2.0));

        assertThat(p.p50()).isEqualTo(2.0);
        assertThat(p.p95()).isEqualTo(3.0);
        assertThat(p.p99()).isEqualTo(3.0);
    }

    @Test
    void oneSlowCallInAThousandShowsAtTheMaxButNotAtP99() {
        double[] samples = new double[1000];
        java.util.Arrays.fill(samples, 5.0);
        samples[0] = 900.0;

        Percentiles p = Percentiles.ofMillis(samples);

        assertThat(p.p99()).isEqualTo(5.0);
        assertThat(p.max()).isEqualTo(900.0);
    }

    @Test
    void theInputIsNotReordered() {
        double[] samples = {3, 1, 2};

        Percentiles.ofMillis(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void noSamplesIsAnErrorNotAZero() {
        assertThatThrownBy(() -> Percentiles.ofMillis(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
