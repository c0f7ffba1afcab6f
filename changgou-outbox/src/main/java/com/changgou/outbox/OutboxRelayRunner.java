package com.changgou.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on its own threads: each pass starts when a commit wrote outbox rows
 * ({@link #wake()}) or when {@code changgou.outbox.poll-interval} passed without one, and keeps going
 * while batches come back full.
 */
public class OutboxRelayRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayRunner.class);

    private final OutboxRelay relay;
    private final OutboxProperties props;
    private final Semaphore wakeups = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    OutboxRelayRunner(OutboxRelay relay, OutboxProperties props) {
        this.relay = relay;
        this.props = props;
    }

    /** Called after a commit that wrote rows. Cheap and never blocks the committing thread. */
    public void wake() {
        // Coalesce: one pending permit per worker is enough, a pass drains everything due.
        if (wakeups.availablePermits() < props.workers()) {
            wakeups.release();
        }
    }

    @Override
    public synchronized void start() {
        if (!props.relayEnabled() || running) {
            return;
        }
        running = true;
        for (int i = 0; i < props.workers(); i++) {
            Thread thread = new Thread(this::loop, "outbox-relay-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void loop() {
        while (running) {
            try {
                wakeups.tryAcquire(props.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                while (running && relay.relayOnce() >= props.batchSize()) {
                    // a full batch: more is probably due
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database or broker is down: the rows stay NEW and the next pass retries.
                log.warn("outbox relay pass failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
