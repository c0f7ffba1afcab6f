package com.changgou.pay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PayStateTest {

    /**
     * Rows move from, columns move to; Y is allowed, - refused. CLOSED → SUCCESS is a payment that
     * won the race with our close: the money is real, so SUCCESS stands.
     */
    private static final String MOVES = """
                        NOTPAY  USERPAYING  SUCCESS  CLOSED  PAYERROR  REVOKED  REFUND
            NOTPAY        -         -          Y        Y        -         -        -
            USERPAYING    -         -          Y        Y        -         -        -
            SUCCESS       -         -          -        -        -         -        -
            CLOSED        -         -          Y        -        -         -        -
            PAYERROR      -         -          -        -        -         -        -
            REVOKED       -         -          -        -        -         -        -
            REFUND        -         -          -        -        -         -        -
            """;

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("moves")
    void canMoveToFollowsTheTable(PayState from, PayState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void onlyTheUnpaidStatesAreOpen() {
        assertThat(Arrays.stream(PayState.values()).filter(PayState::isOpen))
                .containsExactly(PayState.NOTPAY, PayState.USERPAYING);
    }

    static Stream<Arguments> moves() {
        List<String[]> rows = MOVES.lines().map(String::trim).map(line -> line.split("\\s+")).toList();
        String[] columns = rows.get(0);
        assertThat(Arrays.stream(columns).map(PayState::valueOf)).containsExactly(PayState.values());
        assertThat(rows).hasSize(PayState.values().length + 1);
        return rows.stream().skip(1).flatMap(row -> IntStream.range(0, columns.length).mapToObj(i -> Arguments.of(
                PayState.valueOf(row[0]), PayState.valueOf(columns[i]), row[i + 1].equals("Y"))));
    }
}
