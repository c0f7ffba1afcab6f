package com.changgou.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code changgou.outbox.*}: how the relay drains {@code mq_message}; each app sets them in its own
 * {@code application.yml} (from its own environment variables). {@code lease} must outlast
 * {@code confirmTimeout}: it is how long a claimed row stays invisible to other relays while its
 * confirms are awaited. SENT rows are kept for {@code retention} (to audit or replay), then deleted.
 * {@code metricsInterval}: how often the backlog gauges are refreshed from the table (apps with metrics).
 */
@ConfigurationProperties("changgou.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("2") int workers,
        @DefaultValue("100") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration confirmTimeout,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("500ms") Duration backoffInitial,
        @DefaultValue("60s") Duration backoffMax,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1m") Duration purgeInterval,
        @DefaultValue("5s") Duration metricsInterval) {
}
