package com.changgou.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The order service's consumers of order.pay.result, as its listener container runs them: each on a
 * channel of its own with prefetch 50 and manual acks, applying each result in a transaction on a
 * connection of its own ({@link FloorOrderTransaction}), then handing its outbox row to the order relay and acking. Counts
 * the orders moved to PAID and notes when the latest one committed: the end of the floor's clock.
 */
final class FloorConsumers implements AutoCloseable {

    private static final int PREFETCH = 50;

    private final Consumer<List<FloorOutbox.Row>> relay;
    private final FirstFailure failures;
    private final AtomicInteger paid = new AtomicInteger();
    private final List<Channel> channels = new ArrayList<>();
    private final List<FloorOrderTransaction> transactions = new ArrayList<>();
    private final AtomicLong lastPaidNanos = new AtomicLong();

    private FloorConsumers(Consumer<List<FloorOutbox.Row>> relay, FirstFailure failures) {
        this.relay = relay;
        this.failures = failures;
    }

    static FloorConsumers start(int consumers, Callable<Connection> database, com.rabbitmq.client.Connection broker,
                                Consumer<List<FloorOutbox.Row>> relay, FirstFailure failures) throws Exception {
        FloorConsumers started = new FloorConsumers(relay, failures);
        for (int i = 0; i < consumers; i++) {
            FloorOrderTransaction transaction = new FloorOrderTransaction(database.call());
            started.transactions.add(transaction);
            Channel channel = broker.createChannel();
            started.channels.add(channel);
            channel.basicQos(PREFETCH);
            channel.basicConsume(FloorTopology.PAY_RESULT_QUEUE, false, started.new PayResultConsumer(channel, transaction));
        }
        return started;
    }

    /**
     * Whether {@code orders} orders in all were PAID in time; a failure on any of the floor's threads is
     * thrown. Polled: the clock's end is the commit's own instant ({@link #lastPaidNanos}), not this wait's.
     */
    boolean awaitPaid(int orders, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (paid.get() < orders) {
            failures.throwIfAny();
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }

    int paid() {
        return paid.get();
    }

    /** When the latest commit that made an order PAID returned. */
    long lastPaidNanos() {
        return lastPaidNanos.get();
    }

    @Override
    public void close() throws Exception {
        for (Channel channel : channels) {
            if (channel.isOpen()) {
                channel.close();
            }
        }
        for (FloorOrderTransaction transaction : transactions) {
            transaction.close();
        }
    }

    private final class PayResultConsumer extends DefaultConsumer {

        private final FloorOrderTransaction transaction;

        PayResultConsumer(Channel channel, FloorOrderTransaction transaction) {
            super(channel);
            this.transaction = transaction;
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            try {
                List<FloorOutbox.Row> written = transaction.apply(Http.JSON.readValue(body, FloorMessages.PayResult.class));
                if (!written.isEmpty()) {
                    // the latest, whichever consumer notes its commit first
                    lastPaidNanos.accumulateAndGet(System.nanoTime(), Math::max);
                    paid.incrementAndGet();
                    relay.accept(written);
                }
                getChannel().basicAck(envelope.getDeliveryTag(), false);
            } catch (SQLException | RuntimeException e) {
                // to the dead-letter queue, as the order service rejects what it cannot apply; the run fails with it
                failures.record(e);
                getChannel().basicReject(envelope.getDeliveryTag(), false);
            }
        }
    }
}
