package com.changgou.pay.outbox;

/** A claimed row of {@code mq_message}, ready to publish. */
record OutboxRow(String id, String type, String exchange, String routingKey, String body) {
}
