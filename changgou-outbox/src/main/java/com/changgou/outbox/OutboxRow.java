package com.changgou.outbox;

/** A claimed row of {@code mq_message}, ready to publish. */
public record OutboxRow(String id, String type, String exchange, String routingKey, String body) {
}
