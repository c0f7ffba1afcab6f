package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboxStateTest {

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @CsvSource({
            "NEW,  NEW,  false",
            "NEW,  SENT, true",
            "SENT, NEW,  false",
            "SENT, SENT, false"})
    void canMoveToFollowsTheTable(OutboxState from, OutboxState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }
}
