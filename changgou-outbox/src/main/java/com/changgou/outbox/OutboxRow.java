package com.changgou.outbox;

/**
 * A row of {@code mq_message}, ready to publish. {@code traceParent}: the W3C traceparent of the request
 * that wrote it, or null when that request was not traced ({@link OutboxTracing}).
 */
public record OutboxRow(String id, String type, String exchange, String routingKey, String body, String traceParent) {
}
