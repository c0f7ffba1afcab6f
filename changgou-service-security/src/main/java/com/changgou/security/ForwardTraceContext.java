package com.changgou.security;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A Feign call carries the trace of the work it is made for (W3C {@code traceparent}, as the app's
 * propagator writes it), so the called service's spans and log lines join the caller's trace.
 *
 * <p>Hand-written because OpenFeign traces its calls only through feign-micrometer's observation
 * capability, which the build's Maven repository does not serve. So no client span is made: the called
 * service's server span is a child of the caller's current span. With feign-micrometer on the classpath
 * this class should go. Outside a trace, or in an app (or test slice) without a tracer, nothing is added.
 *
 * <p>Not a component: an app imports it beside {@link ForwardGatewayToken} where it enables its Feign
 * clients; the order service, whose calls carry a service account instead, imports it on its own.
 */
public class ForwardTraceContext implements RequestInterceptor {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public ForwardTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public void apply(RequestTemplate template) {
        Tracer current = tracer.getIfAvailable();
        Propagator headers = propagator.getIfAvailable();
        if (current == null || headers == null) {
            return;
        }
        TraceContext context = current.currentTraceContext().context();
        if (context == null) {
            return;
        }
        // Feign applies its interceptors again to the same template on a retry: replace, never append.
        headers.inject(context, template, (call, name, value) -> {
            call.removeHeader(name);
            call.header(name, value);
        });
    }
}
