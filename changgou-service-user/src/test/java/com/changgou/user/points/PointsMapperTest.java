package com.changgou.user.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.user.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PointsMapperTest {

    static final TestDatabase DB = new TestDatabase();
    static final Instant T1 = Instant.parse("2026-01-02T03:04:05Z");
    static final Instant T2 = Instant.parse("2026-01-02T03:05:05Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        DB.drop();
    }

    @Autowired
    PointsMapper mapper;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccountIsMadeOnceAndItsBalanceMovesByTheDeltas() {
        assertThat(mapper.balance("alice")).isNull();

        mapper.createAndLockAccount("alice", T1);
        mapper.addToBalance("alice", 50, T1);
        mapper.createAndLockAccount("alice", T2);
        mapper.addToBalance("alice", -20, T2);

        assertThat(mapper.balance("alice")).isEqualTo(30);
        assertThat(jdbc.sql("SELECT update_time FROM tb_points_account WHERE username = 'alice'")
                .query(LocalDateTime.class).single()).isEqualTo(LocalDateTime.ofInstant(T2, ZoneOffset.UTC));
    }

    @Test
    void entriesReadBackAsWrittenAndTheirKindIsStoredByName() {
        PointsEntryRow earned = new PointsEntryRow(null, "bob", "1001", "ev-b1", PointsKind.EARNED, 50, 5_000, T1);
        PointsEntryRow takenBack = new PointsEntryRow(null, "bob", "1001", "ev-b2", PointsKind.TAKEN_BACK, 20, 2_000, T2);
        mapper.insertEntry(earned);
        mapper.insertEntry(takenBack);

        assertThat(mapper.findByOrder("bob", "1001")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                .containsExactly(earned, takenBack);
        assertThat(mapper.latestEntries("bob", 10)).extracting(PointsEntryRow::eventId).containsExactly("ev-b2", "ev-b1");
        assertThat(mapper.latestEntries("bob", 1)).hasSize(1);
        assertThat(jdbc.sql("SELECT kind FROM tb_points_entry WHERE event_id = 'ev-b2'").query(String.class).single())
                .isEqualTo("TAKEN_BACK");
    }

    @Test
    void aSecondEntryOfOneEventIsADuplicateKey() {
        mapper.insertEntry(new PointsEntryRow(null, "carol", "1002", "ev-c1", PointsKind.EARNED, 50, 5_000, T1));

        PointsEntryRow again = new PointsEntryRow(null, "carol", "1003", "ev-c1", PointsKind.EARNED, 7, 700, T2);
        assertThatThrownBy(() -> mapper.insertEntry(again)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anOrdersEntriesAreItsShoppersOnlyAndNamesCompareByteForByte() {
        mapper.insertEntry(new PointsEntryRow(null, "dave", "1004", "ev-d1", PointsKind.EARNED, 50, 5_000, T1));

        assertThat(mapper.findByOrder("mallory", "1004")).isEmpty();
        assertThat(mapper.findByOrder("DAVE", "1004")).isEmpty();
        assertThat(mapper.latestEntries("Dave", 10)).isEmpty();
    }

    @Test
    void negativePointsAreRefusedByTheTable() {
        PointsEntryRow negative = new PointsEntryRow(null, "erin", "1005", "ev-e1", PointsKind.TAKEN_BACK, -1, 0, T1);
        assertThatThrownBy(() -> mapper.insertEntry(negative)).isInstanceOf(DataIntegrityViolationException.class);
    }
}
