package com.changgou.order.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderRefundStateTest {

    /**
     * Rows move from, columns move to; Y is allowed, - refused. A REQUESTED refund may jump to an
     * outcome: the pay service's result can arrive before its acceptance was stored here.
     */
    private static final String MOVES = """
                         REQUESTED  SUBMITTED  SUCCESS  CLOSED  REFUSED  CHANGE
            REQUESTED        -          Y         Y        Y       Y        Y
            SUBMITTED        -          -         Y        Y       Y        Y
            SUCCESS          -          -         -        -       -        -
            CLOSED           -          -         -        -       -        -
            REFUSED          -          -         -        -       -        -
            CHANGE           -          -         Y        Y       -        -
            """;

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("moves")
    void canMoveToFollowsTheTable(OrderRefundState from, OrderRefundState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void whatMayStillMoveMoneyIsInFlight() {
        assertThat(Arrays.stream(OrderRefundState.values()).filter(OrderRefundState::isInFlight))
                .containsExactly(OrderRefundState.REQUESTED, OrderRefundState.SUBMITTED, OrderRefundState.CHANGE);
    }

    static Stream<Arguments> moves() {
        List<String[]> rows = MOVES.lines().map(String::trim).map(line -> line.split("\\s+")).toList();
        String[] columns = rows.get(0);
        assertThat(Arrays.stream(columns).map(OrderRefundState::valueOf)).containsExactly(OrderRefundState.values());
        assertThat(rows).hasSize(OrderRefundState.values().length + 1);
        return rows.stream().skip(1).flatMap(row -> IntStream.range(0, columns.length).mapToObj(i -> Arguments.of(
                OrderRefundState.valueOf(row[0]), OrderRefundState.valueOf(columns[i]), row[i + 1].equals("Y"))));
    }
}
