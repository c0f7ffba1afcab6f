package com.changgou.security;

import static org.assertj.core.api.Assertions.assertThat;

import feign.RequestTemplate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The apps' tracer and W3C propagator (OpenTelemetry behind Micrometer Tracing), without Spring around them. */
class ForwardTraceContextTest {

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
    });
    private final Propagator propagator = new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aCallMadeInsideASpanCarriesItsTraceAsTraceparent() {
        RequestTemplate call = new RequestTemplate();
        Span span = tracer.nextSpan().name("serving a shopper").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            interceptor(tracer, propagator).apply(call);
        } finally {
            span.end();
        }

        assertThat(call.headers().get("traceparent")).singleElement().asString()
                .startsWith("00-%s-%s-".formatted(span.context().traceId(), span.context().spanId()));
    }

    @Test
    void aRetriedCallStillCarriesOneTraceparent() {
        RequestTemplate call = new RequestTemplate();
        Span span = tracer.nextSpan().start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            ForwardTraceContext interceptor = interceptor(tracer, propagator);
            interceptor.apply(call);
            interceptor.apply(call);
        } finally {
            span.end();
        }

        assertThat(call.headers().get("traceparent")).hasSize(1);
    }

    @Test
    void outsideATraceNothingIsAdded() {
        RequestTemplate call = new RequestTemplate();

        interceptor(tracer, propagator).apply(call);

        assertThat(call.headers()).doesNotContainKey("traceparent");
    }

    @Test
    void anAppWithoutATracerCallsAsBefore() {
        RequestTemplate call = new RequestTemplate();
        StaticListableBeanFactory none = new StaticListableBeanFactory();

        new ForwardTraceContext(none.getBeanProvider(Tracer.class), none.getBeanProvider(Propagator.class)).apply(call);

        assertThat(call.headers()).isEmpty();
    }

    private static ForwardTraceContext interceptor(Tracer tracer, Propagator propagator) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("tracer", tracer, "propagator", propagator));
        return new ForwardTraceContext(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class));
    }
}
