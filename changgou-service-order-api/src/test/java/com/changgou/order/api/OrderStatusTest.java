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

class OrderStatusTest {

    /** Rows move from, columns move to; Y is allowed, - refused. Every pair is listed. */
    private static final String MOVES = """
                                  UNPAID  PAID  CLOSED  REFUNDING  REFUNDED  PARTIALLY_REFUNDED
            UNPAID                  -      Y      Y        -          -             -
            PAID                    -      -      -        Y          -             -
            CLOSED                  -      -      -        -          -             -
            REFUNDING               -      Y      -        -          Y             Y
            REFUNDED                -      -      -        -          -             -
            PARTIALLY_REFUNDED      -      -      -        Y          -             -
            """;

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("moves")
    void canMoveToFollowsTheTable(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void onlyAPaidOrPartlyRefundedOrderCanBeRefunded() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::isRefundable))
                .containsExactly(OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED);
    }

    static Stream<Arguments> moves() {
        List<String[]> rows = MOVES.lines().map(String::trim).map(line -> line.split("\\s+")).toList();
        String[] columns = rows.get(0);
        assertThat(Arrays.stream(columns).map(OrderStatus::valueOf)).containsExactly(OrderStatus.values());
        assertThat(rows).hasSize(OrderStatus.values().length + 1);
        return rows.stream().skip(1).flatMap(row -> IntStream.range(0, columns.length).mapToObj(i -> Arguments.of(
                OrderStatus.valueOf(row[0]), OrderStatus.valueOf(columns[i]), row[i + 1].equals("Y"))));
    }
}
