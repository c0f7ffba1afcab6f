package com.changgou.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link OutboxTracing} with Micrometer Tracing: the writer's context goes through the app's own
 * {@link Propagator} into a map, of which the {@code traceparent} is stored; the relay extracts it the
 * same way and opens a child span {@value #SPAN_NAME} around the publish. The RabbitTemplate's own
 * observation starts its span inside that one, so the headers it writes carry the writer's trace id.
 */
class MicrometerOutboxTracing implements OutboxTracing {

    static final String TRACEPARENT = "traceparent";
    static final String SPAN_NAME = "outbox publish";

    private final Tracer tracer;
    private final Propagator propagator;

    MicrometerOutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String currentTraceParent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    @Override
    public void publishWithin(String traceParent, Runnable publish) {
        if (traceParent == null) {
            publish.run();
            return;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get).name(SPAN_NAME).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            publish.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
