package com.changgou.pay.notifylog;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.pay.support.PayIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rows past the retention go; the rest stay, so a flood of forgeries cannot grow the table for ever. */
class NotifyLogJanitorTest extends PayIntegrationTest {

    @Autowired
    NotifyLogJanitor janitor;
    @Autowired
    NotifyLogProperties props;

    @Test
    void rowsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        String old = "OLD-" + UUID.randomUUID().toString().substring(0, 8);
        String fresh = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
        insert(old, Instant.now().minus(props.retention()).minus(Duration.ofHours(1)));
        insert(fresh, Instant.now().minus(props.retention()).plus(Duration.ofHours(1)));

        assertThat(janitor.purge()).isPositive();

        assertThat(count(old)).isZero();
        assertThat(count(fresh)).isOne();
    }

    private void insert(String reference, Instant receivedAt) {
        jdbc.update("INSERT INTO notify_log (received_at, channel, kind, verdict, reason, reference)"
                + " VALUES (?, 'WECHAT', 'PAYMENT', 'REFUSED', 'bad_signature', ?)",
                java.sql.Timestamp.from(receivedAt), reference);
    }

    private int count(String reference) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_log WHERE reference = ?", Integer.class, reference);
    }
}
