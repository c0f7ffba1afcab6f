package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void oneToAHundredMillisecondsGivesEachPercentileRoundedUpByATenthOfAPercentAtMost() {
        List<Long> samples = LongStream.iterate(100, ms -> ms - 1).limit(100).map(ms -> ms * MS).boxed().toList();

        Percentiles p = Percentiles.ofNanos(samples);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isBetween(50.0, 50.05);
        assertThat(p.p95()).isBetween(95.0, 95.1);
        assertThat(p.p99()).isBetween(99.0, 99.1);
        assertThat(p.max()).isBetween(100.0, 100.1);
    }

    @Test
    void oneSlowCallInAThousandShowsAtTheMaxButNotAtP99() {
        List<Long> samples = new ArrayList<>(Collections.nCopies(999, 5 * MS));
        samples.add(900 * MS);

        Percentiles p = Percentiles.ofNanos(samples);

        assertThat(p.p99()).isBetween(5.0, 5.01);
        assertThat(p.max()).isBetween(900.0, 901.0);
    }

    @Test
    void aDurationOfMinutesIsRecordedNotRefused() {
        Percentiles p = Percentiles.ofNanos(List.of(TimeUnit.MINUTES.toNanos(10)));

        assertThat(p.max()).isBetween(600_000.0, 600_600.0);
    }

    @Test
    void noSamplesIsAnErrorNotAZero() {
        assertThatThrownBy(() -> Percentiles.ofNanos(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 100 sends paced 10 ms apart, each answered 2 ms after it left. The sender stalls from 0.495 s to
     * 1.5 s, then sends the 50 held up behind it at once. Timed from when they left, the stall vanishes;
     * timed from when they were meant to leave, it shows as the shoppers behind it would have felt it.
     */
    @Test
    void aStalledSenderIsChargedTheTimeItsSendsWaited() {
        Pacing pacing = new Pacing(0, 10 * MS);
        List<Long> fromLeaving = new ArrayList<>();
        List<Long> fromIntended = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long intended = pacing.intendedNanos(i);
            long left = i < 50 ? intended : 1500 * MS;
            long answered = left + 2 * MS;
            fromLeaving.add(answered - left);
            fromIntended.add(answered - intended);
        }

        Percentiles hidden = Percentiles.ofNanos(fromLeaving);
        Percentiles charged = Percentiles.ofNanos(fromIntended);

        assertThat(hidden.p99()).isBetween(2.0, 2.01);
        assertThat(charged.p50()).isBetween(2.0, 2.01);
        assertThat(charged.p95()).isBetween(952.0, 953.0);
        assertThat(charged.p99()).isBetween(992.0, 993.0);
        assertThat(charged.max()).isBetween(1002.0, 1003.0);
    }

    @Test
    void thePacingsIntendedInstantsAreOneIntervalApart() {
        Pacing pacing = Pacing.perSecond(50, 1_000);

        assertThat(pacing.intervalNanos()).isEqualTo(20 * MS);
        assertThat(pacing.intendedNanos(0)).isEqualTo(1_000);
        assertThat(pacing.intendedNanos(3)).isEqualTo(1_000 + 60 * MS);
    }
}
