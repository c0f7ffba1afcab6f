package com.changgou.outbox;

/**
 * How a message keeps the trace of the request that wrote it. The relay publishes later and on its own
 * thread, where that request's trace is long gone; so the writer's trace context is stored with the row
 * (its W3C {@code traceparent}) and the relay publishes the row inside a span continuing it.
 * {@link #NONE} when the app has no tracing: rows carry no trace and publish as they always did.
 */
interface OutboxTracing {

    /** The current span's {@code traceparent}, or null outside a trace. */
    String currentTraceParent();

    /**
     * Runs {@code publish} inside a new span that continues {@code traceParent}'s trace, so the
     * message's own trace headers name that trace; a null {@code traceParent} runs it as it is.
     */
    void publishWithin(String traceParent, Runnable publish);

    OutboxTracing NONE = new OutboxTracing() {

        @Override
        public String currentTraceParent() {
            return null;
        }

        @Override
        public void publishWithin(String traceParent, Runnable publish) {
            publish.run();
        }
    };
}
