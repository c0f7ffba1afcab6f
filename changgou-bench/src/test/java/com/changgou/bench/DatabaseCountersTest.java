package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseCountersTest {

    private static final DatabaseCounters.Counts BEFORE = new DatabaseCounters.Counts(1_000_000, 200_000, 5_000);

    @Test
    void theWindowsCountsAreTheDifferenceOfItsEnds() {
        DatabaseCounters.Counts after = new DatabaseCounters.Counts(1_099_900, 227_400, 5_000);

        assertThat(after.since(BEFORE)).isEqualTo(new DatabaseCounters.Counts(99_900, 27_400, 0));
    }

    @Test
    void perPaidOrderTheyAreDividedByTheOrdersPaid() {
        DatabaseCounters.Counts window = new DatabaseCounters.Counts(99_900, 27_400, 100);

        assertThat(window.statementsPerOrder(5000)).isEqualTo(19.98);
        assertThat(window.commitsPerOrder(5000)).isEqualTo(5.48);
        assertThat(window.sessionSetsPerOrder(5000)).isEqualTo(0.02);
        assertThat(window.describe(5000))
                .isEqualTo("MariaDB served 19.98 statements per paid order (5.48 commits, 0.02 session SETs)");
        // no order paid: the whole count, not a division by zero
        assertThat(window.statementsPerOrder(0)).isEqualTo(99_900);
    }

    @Test
    void anEndThatCouldNotBeReadMakesTheWindowUnknown() {
        DatabaseCounters.Counts unknown = DatabaseCounters.Counts.UNKNOWN;

        assertThat(unknown.since(BEFORE).known()).isFalse();
        assertThat(BEFORE.since(unknown).known()).isFalse();
        assertThat(unknown.statementsPerOrder(5000)).isNaN();
        assertThat(unknown.describe(5000)).isEqualTo("MariaDB's statement counters could not be read");
    }

    @Test
    void aCounterThatWentBackMakesTheWindowUnknown() {
        // the server restarted, or its status was flushed, in the window
        DatabaseCounters.Counts restarted = new DatabaseCounters.Counts(2_000, 100, 10);

        assertThat(restarted.since(BEFORE).known()).isFalse();
    }

    @Test
    void theCountersAreTakenFromTheStatusRowsByNameInAnyCase() {
        assertThat(DatabaseCounters.counts(Map.of("QUESTIONS", 12L, "Com_commit", 3L, "com_set_option", 1L)))
                .isEqualTo(new DatabaseCounters.Counts(12, 3, 1));
        assertThat(DatabaseCounters.counts(Map.of("Questions", 12L, "Com_commit", 3L)).known()).isFalse();
    }

    @Test
    void aServerThatDoesNotAnswerGivesUnknownCountsInsteadOfFailing() throws Exception {
        // nothing listens on port 1: the connection is refused at once
        Suite nowhere = Suite.fromEnvironment(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", "1"), Path.of("."));

        try (DatabaseCounters counters = DatabaseCounters.open(nowhere)) {
            assertThat(counters.snapshot()).isEqualTo(DatabaseCounters.Counts.UNKNOWN);
        }
    }

    /** Against the machine's MariaDB, as {@link FloorRunTest} is (the suite's environment variables). */
    @Test
    void theMachinesServerCountsAtLeastTheClosingStatusQuery() throws Exception {
        Suite suite = Suite.fromEnvironment(System.getenv(), Path.of("..").toAbsolutePath().normalize());

        try (DatabaseCounters counters = DatabaseCounters.open(suite)) {
            DatabaseCounters.Counts before = counters.snapshot();
            DatabaseCounters.Counts window = counters.snapshot().since(before);

            assertThat(before.known()).isTrue();
            assertThat(window.known()).isTrue();
            assertThat(window.statements()).isPositive();
        }
    }
}
