package com.changgou.outbox;

/**
 * A message to publish once the current transaction commits. {@code messageId} is also the row id, so
 * derive it from what the message announces (e.g. {@code paid-<orderId>}) to make a second append of
 * the same fact fail instead of publishing it twice.
 */
public record OutgoingMessage(String messageId, String type, String exchange, String routingKey, Object payload) {
}
