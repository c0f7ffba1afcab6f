package com.changgou.bench;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The exchanges, queues and bindings of deploy/rabbitmq/definitions.json that a payment passes
 * through, with the same arguments, declared in the floor's own vhost: order.pay and its
 * order.pay.result quorum queue (delivery limit, at-least-once dead lettering), the paynotify fanout
 * with paynotify.token behind it, and order.events with the user service's queue bound to it.
 */
final class FloorTopology {

    static final String PAY_EXCHANGE = "order.pay";
    static final String PAY_RESULT_QUEUE = "order.pay.result";
    static final String PAY_RESULT_ROUTING_KEY = "order.pay.result";
    static final String NOTIFY_EXCHANGE = "paynotify";
    static final String ORDER_EVENTS_EXCHANGE = "order.events";

    private static final String NOTIFY_TOKEN_EXCHANGE = "paynotify.token";
    private static final String PAY_DEAD_LETTERS = "order.pay.dlx";
    private static final String PAY_RESULT_DLQ = "order.pay.result.dlq";
    private static final String POINTS_QUEUE = "user.order-events";
    private static final String POINTS_DEAD_LETTERS = "user.order-events.dlx";
    private static final String POINTS_DLQ = "user.order-events.dlq";
    private static final int DELIVERY_LIMIT = 10;

    private FloorTopology() {
    }

    static void declare(Connection broker) throws IOException, TimeoutException {
        try (Channel channel = broker.createChannel()) {
            channel.exchangeDeclare(PAY_EXCHANGE, BuiltinExchangeType.DIRECT, true);
            deadLetterQueue(channel, PAY_DEAD_LETTERS, PAY_RESULT_DLQ);
            channel.queueDeclare(PAY_RESULT_QUEUE, true, false, false, moneyQueue(PAY_DEAD_LETTERS, PAY_RESULT_DLQ));
            channel.queueBind(PAY_RESULT_QUEUE, PAY_EXCHANGE, PAY_RESULT_ROUTING_KEY);

            // no browser subscribes during the floor, as none does during the throughput run: the push
            // comes back returned, which the relay counts as done for this exchange, as pay's does
            channel.exchangeDeclare(NOTIFY_EXCHANGE, BuiltinExchangeType.FANOUT, true);
            channel.exchangeDeclare(NOTIFY_TOKEN_EXCHANGE, BuiltinExchangeType.TOPIC, true);
            channel.exchangeBind(NOTIFY_TOKEN_EXCHANGE, NOTIFY_EXCHANGE, "");

            // order.paid is routed to the user service's queue, as in the suite; nobody consumes it here
            // (the points come after PAID), and it goes with the vhost
            channel.exchangeDeclare(ORDER_EVENTS_EXCHANGE, BuiltinExchangeType.FANOUT, true);
            deadLetterQueue(channel, POINTS_DEAD_LETTERS, POINTS_DLQ);
            channel.queueDeclare(POINTS_QUEUE, true, false, false, moneyQueue(POINTS_DEAD_LETTERS, POINTS_DLQ));
            channel.queueBind(POINTS_QUEUE, ORDER_EVENTS_EXCHANGE, "");
        }
    }

    private static void deadLetterQueue(Channel channel, String exchange, String queue) throws IOException {
        channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true);
        channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(queue, exchange, queue);
    }

    /** A queue that carries money: quorum, bounded redeliveries, dead letters kept until their queue confirmed them. */
    private static Map<String, Object> moneyQueue(String deadLetterExchange, String deadLetterQueue) {
        return Map.of("x-queue-type", "quorum", "x-delivery-limit", DELIVERY_LIMIT,
                "x-dead-letter-exchange", deadLetterExchange, "x-dead-letter-routing-key", deadLetterQueue,
                "x-dead-letter-strategy", "at-least-once", "x-overflow", "reject-publish");
    }
}
