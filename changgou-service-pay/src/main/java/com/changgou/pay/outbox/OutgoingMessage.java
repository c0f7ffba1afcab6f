package com.changgou.pay.outbox;

/** A message to publish once the current transaction commits. {@code messageId} is also the row id. */
public record OutgoingMessage(String messageId, String type, String exchange, String routingKey, Object payload) {
}
