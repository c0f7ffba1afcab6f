package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay publishes later and on a thread of its own, yet a message leaves within the trace of the
 * request that wrote it: the broker's consumers, and whoever reads the logs, find both under one id.
 */
class OutboxTracingTest extends OutboxIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Tracer tracer;

    @Test
    void aMessageWrittenInsideASpanLeavesWithAChildOfThatSpansTrace() {
        String queue = boundQueue();
        String id = newId("traced");
        Span writer = tracer.nextSpan().name("writer").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(writer)) {
            tx.executeWithoutResult(status -> outbox.append(List.of(message(id))));
        } finally {
            writer.end();
        }
        String traceId = writer.context().traceId();

        // The writer's own context (its flags say sampled; OpenTelemetry may add its random-id bit).
        assertThat(traceParent(id)).startsWith("00-%s-%s-".formatted(traceId, writer.context().spanId()));
        Message received = awaitMessage(queue, id);
        String sent = received.getMessageProperties().getHeader("traceparent");
        // Same trace, a later span (the template's, inside "outbox publish"): not the writer's own.
        assertThat(sent).startsWith("00-" + traceId + "-").doesNotContain(writer.context().spanId());
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
    }

    @Test
    void aMessageWrittenOutsideAnyTraceIsPublishedAsBefore() {
        String queue = boundQueue();
        String id = newId("untraced");

        tx.executeWithoutResult(status -> outbox.append(List.of(message(id))));

        assertThat(traceParent(id)).isNull();
        Message received = awaitMessage(queue, id);
        assertThat(new String(received.getBody())).isEqualTo("{\"messageId\":\"%s\"}".formatted(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
    }

    private String traceParent(String id) {
        return jdbc.queryForObject("SELECT trace_parent FROM mq_message WHERE id = ?", String.class, id);
    }
}
