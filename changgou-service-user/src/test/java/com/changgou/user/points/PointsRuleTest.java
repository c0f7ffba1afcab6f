package com.changgou.user.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointsRuleTest {

    final PointsRule onePerYuan = new PointsRule(1);

    @ParameterizedTest(name = "{0} fen at {1} per yuan earn {2}")
    @CsvSource({"0, 1, 0", "99, 1, 0", "100, 1, 1", "199, 1, 1", "5000, 1, 50", "12345, 1, 123", "50, 3, 1",
            "33, 3, 0", "34, 3, 1", "12345, 10, 1234", "5000, 0, 0"})
    void anAmountEarnsTheFloorOfItsYuanTimesTheRate(long fen, long perYuan, long points) {
        assertThat(new PointsRule(perYuan).earned(fen)).isEqualTo(points);
    }

    @Test
    void pointsThatWouldNotFitALongAreRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> new PointsRule(1_000).earned(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aNegativeRateOrAmountIsRefused() {
        assertThatThrownBy(() -> new PointsRule(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> onePerYuan.earned(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullRefundTakesBackExactlyWhatWasEarned() {
        assertThat(onePerYuan.takenBack(5_000, 5_000, 50, 0, 0)).isEqualTo(50);
        assertThat(onePerYuan.takenBack(199, 199, 1, 0, 0)).isEqualTo(1);
    }

    @Test
    void aPartialRefundTakesBackTheFloorOfItsOwnAmount() {
        assertThat(onePerYuan.takenBack(2_550, 5_000, 50, 0, 0)).isEqualTo(25);
        assertThat(onePerYuan.takenBack(99, 5_000, 50, 0, 0)).isZero();
    }

    @Test
    void refundsSplitIntoPiecesTooSmallToCountStillTakeBackEverythingOnceTheOrderIsRefundedInFull() {
        // 1.00 yuan paid, 1 point earned, refunded as 0.33 + 0.33 + 0.34
        long first = onePerYuan.takenBack(33, 100, 1, 0, 0);
        long second = onePerYuan.takenBack(33, 100, 1, 33, first);
        long third = onePerYuan.takenBack(34, 100, 1, 66, first + second);

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(third).isOne();
    }

    @Test
    void twoHalvesOfAnOddAmountTakeBackTheWholeEarningAndNoMore() {
        // 1.99 yuan paid, 1 point earned: 0.99 takes back 0, the last 1.00 takes back the 1
        long first = onePerYuan.takenBack(99, 199, 1, 0, 0);
        assertThat(first).isZero();
        assertThat(onePerYuan.takenBack(100, 199, 1, 99, first)).isOne();
    }

    @Test
    void aRefundNeverTakesBackMoreThanIsLeftOfTheEarning() {
        // earned at a lower rate than today's: the refund's own share would be more than was earned
        PointsRule tenPerYuan = new PointsRule(10);
        assertThat(tenPerYuan.takenBack(4_000, 5_000, 50, 0, 0)).isEqualTo(50);
        assertThat(onePerYuan.takenBack(2_000, 5_000, 50, 2_500, 45)).isEqualTo(5);
    }

    @Test
    void nothingIsTakenBackOnceEverythingWasAndNeverBelowZero() {
        assertThat(onePerYuan.takenBack(1_000, 5_000, 50, 4_000, 50)).isZero();
        assertThat(onePerYuan.takenBack(1_000, 5_000, 50, 5_000, 50)).isZero();
        assertThat(onePerYuan.takenBack(1_000, 5_000, 50, 0, 60)).isZero();
    }

    @Test
    void anOrderThatEarnedNothingHasNothingTakenBack() {
        assertThat(onePerYuan.takenBack(50, 50, 0, 0, 0)).isZero();
        assertThat(new PointsRule(0).takenBack(5_000, 5_000, 0, 0, 0)).isZero();
    }
}
