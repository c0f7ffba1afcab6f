package com.changgou.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One schema's outbox relay, as changgou-outbox's OutboxRelayRunner and OutboxRelay run it with the
 * suite's settings: each commit hands its rows over (they were written leased to this relay), and a worker
 * publishes up to 100 of them persistent and mandatory on its one channel, waits for the broker's
 * confirms, and marks them SENT. Once a second a worker also claims whatever is due (SKIP LOCKED and a
 * lease, READ COMMITTED), which in a run without faults is nothing. A row returned unroutable is
 * done only on a broadcast exchange (paynotify, when no page listens); anywhere else it fails the run.
 */
final class FloorRelay implements AutoCloseable {

    private static final int BATCH_SIZE = 100;
    private static final long POLL_MILLIS = 1000;
    private static final long CONFIRM_TIMEOUT_MILLIS = 5000;

    private final int workers;
    private final Semaphore wakeups = new Semaphore(0);
    private final Queue<List<FloorOutbox.Row>> handedOver = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextClaimPass = new AtomicLong(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private FloorRelay(int workers) {
        this.workers = workers;
    }

    /** Starts {@code workers} workers, each with a connection from {@code database} and a channel of {@code broker}. */
    static FloorRelay start(String name, int workers, Callable<Connection> database, com.rabbitmq.client.Connection broker,
                            Set<String> broadcastExchanges, FirstFailure failures) throws Exception {
        FloorRelay relay = new FloorRelay(workers);
        for (int i = 0; i < workers; i++) {
            Worker worker = new Worker(database.call(), broker.createChannel(), broadcastExchanges);
            Thread thread = new Thread(() -> relay.loop(worker, failures), "%s-relay-%d".formatted(name, i));
            thread.setDaemon(true);
            relay.threads.add(thread);
            thread.start();
        }
        return relay;
    }

    /** Called after a commit that wrote {@code rows}; never blocks. One pending wake-up per worker is enough. */
    void handOff(List<FloorOutbox.Row> rows) {
        handedOver.add(rows);
        if (wakeups.availablePermits() < workers) {
            wakeups.release();
        }
    }

    private void loop(Worker worker, FirstFailure failures) {
        try (worker) {
            while (running) {
                wakeups.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                for (List<FloorOutbox.Row> batch = takeHandedOver(); !batch.isEmpty(); batch = takeHandedOver()) {
                    worker.publish(batch);
                    claimIfDue(worker);
                }
                claimIfDue(worker);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.record(e);
        }
    }

    private List<FloorOutbox.Row> takeHandedOver() {
        List<FloorOutbox.Row> batch = new ArrayList<>();
        List<FloorOutbox.Row> next;
        while (batch.size() < BATCH_SIZE && (next = handedOver.poll()) != null) {
            batch.addAll(next);
        }
        return batch;
    }

    /** As the runner: the claim keeps its schedule while hand-overs stream in. */
    private void claimIfDue(Worker worker) throws Exception {
        if (claimPassDue()) {
            while (running && worker.relayOnce() >= BATCH_SIZE) {
                // a full batch: more is probably due
            }
        }
    }

    /** One worker per poll interval runs the claim pass. */
    private boolean claimPassDue() {
        long due = nextClaimPass.get();
        long now = System.nanoTime();
        return now - due >= 0 && nextClaimPass.compareAndSet(due, now + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
    }

    /** Stops the workers; called once every row is SENT, so none is left mid-batch. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private static final class Worker implements AutoCloseable {

        private final Connection db;
        private final Channel channel;
        private final Set<String> broadcastExchanges;
        private final PreparedStatement lockDue;
        private final List<String> unroutable = new CopyOnWriteArrayList<>();

        Worker(Connection db, Channel channel, Set<String> broadcastExchanges) throws Exception {
            this.db = db;
            this.channel = channel;
            this.broadcastExchanges = broadcastExchanges;
            // no gap locks: claims and marks of the workers do not deadlock over index ranges
            db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            this.lockDue = db.prepareStatement(FloorOutbox.LOCK_DUE);
            channel.confirmSelect();
            // a mandatory message that no queue took comes back before its ack
            channel.addReturnListener(returned -> {
                if (!broadcastExchanges.contains(returned.getExchange())) {
                    unroutable.add("%s to %s".formatted(returned.getProperties().getMessageId(), returned.getExchange()));
                }
            });
        }

        /** One claimed batch; returns how many rows it claimed (a full batch means: run again). */
        int relayOnce() throws Exception {
            List<FloorOutbox.Row> batch = claim();
            if (!batch.isEmpty()) {
                publish(batch);
            }
            return batch.size();
        }

        void publish(List<FloorOutbox.Row> batch) throws Exception {
            for (FloorOutbox.Row row : batch) {
                channel.basicPublish(row.exchange(), row.routingKey(), true, properties(row),
                        row.body().getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            if (!unroutable.isEmpty()) {
                throw new IllegalStateException("no queue took " + unroutable);
            }
            markSent(batch);
        }

        private List<FloorOutbox.Row> claim() throws SQLException {
            Instant now = now();
            List<FloorOutbox.Row> rows = new ArrayList<>();
            lockDue.setString(1, FloorOutbox.NEW);
            lockDue.setTimestamp(2, Timestamp.from(now));
            lockDue.setInt(3, BATCH_SIZE);
            try (ResultSet due = lockDue.executeQuery()) {
                while (due.next()) {
                    rows.add(new FloorOutbox.Row(due.getString("id"), due.getString("type"), due.getString("exchange"),
                            due.getString("routing_key"), due.getString("body")));
                }
            }
            if (!rows.isEmpty()) {
                try (PreparedStatement lease = db.prepareStatement(FloorOutbox.lease(rows.size()))) {
                    lease.setTimestamp(1, Timestamp.from(now.plus(FloorOutbox.LEASE)));
                    bindIds(lease, 2, rows);
                    lease.executeUpdate();
                }
            }
            db.commit();
            return rows;
        }

        private void markSent(List<FloorOutbox.Row> rows) throws SQLException {
            try (PreparedStatement mark = db.prepareStatement(FloorOutbox.markSent(rows.size()))) {
                mark.setString(1, FloorOutbox.SENT);
                mark.setTimestamp(2, Timestamp.from(now()));
                mark.setString(3, FloorOutbox.NEW);
                bindIds(mark, 4, rows);
                mark.executeUpdate();
            }
            db.commit();
        }

        private static void bindIds(PreparedStatement statement, int first, List<FloorOutbox.Row> rows) throws SQLException {
            for (int i = 0; i < rows.size(); i++) {
                statement.setString(first + i, rows.get(i).id());
            }
        }

        /** As the relay's message: JSON in UTF-8, persistent, with the row's id and type. */
        private static AMQP.BasicProperties properties(FloorOutbox.Row row) {
            return new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .contentEncoding(StandardCharsets.UTF_8.name())
                    .deliveryMode(2)
                    .messageId(row.id())
                    .type(row.type())
                    .build();
        }

        private static Instant now() {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }

        @Override
        public void close() throws Exception {
            db.close();
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }
}
