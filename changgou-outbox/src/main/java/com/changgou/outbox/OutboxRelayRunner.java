package com.changgou.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on its own threads. Rows a commit just wrote are handed over here by their writer
 * ({@link #handOff}) and published at once, without a claim: the writer wrote them already leased to
 * this process, so no other relay takes them meanwhile. Every {@code changgou.outbox.poll-interval} a
 * claim pass takes whatever else is due (rows to try again, rows whose writer died before publishing
 * them, once their lease is over) and keeps going while batches come back full.
 *
 * <p>The hand-over saves the claim's locking read, its lease update and their commit on every wake-up
 * (what that cost: docs/bench/profile.md, section 7). A row handed over too late to be confirmed within
 * its lease is left to the claim after the lease, so no two relays ever hold it at once.
 */
public class OutboxRelayRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayRunner.class);
    /** Rows waiting in memory beyond this many batches are not leased by their writer: claims take them. */
    private static final int MAX_HANDED_OFF_BATCHES = 10;

    private final OutboxRelay relay;
    private final OutboxProperties props;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private final Queue<HandedOff> handedOff = new ConcurrentLinkedQueue<>();
    private final AtomicInteger handedOffRows = new AtomicInteger();
    private final AtomicLong nextClaimPass = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** Rows one commit wrote, leased to this process until {@code leasedUntil}. */
    private record HandedOff(List<OutboxRow> rows, Instant leasedUntil) {
    }

    OutboxRelayRunner(OutboxRelay relay, OutboxProperties props, Clock clock) {
        this.relay = relay;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Until when a writer that commits now may lease its rows to this process, or null when it may not
     * (the relay is not running, or too much is waiting already): then its rows are due at once, for a
     * claim pass.
     */
    Instant handOffLease(Instant now) {
        // Whole seconds: Connector/J drops a DATETIME's fraction on MariaDB (it takes the server's "5.5.5-"
        // version prefix for a server without fractional seconds), so this is the lease a claim will see.
        return running && handedOffRows.get() < MAX_HANDED_OFF_BATCHES * props.batchSize()
                ? now.plus(props.lease()).truncatedTo(ChronoUnit.SECONDS)
                : null;
    }

    /** Called after the commit of rows leased by {@link #handOffLease}. Cheap and never blocks. */
    void handOff(List<OutboxRow> rows, Instant leasedUntil) {
        if (!running) {
            // stopped since the lease was given: the rows wait out their lease, then any relay claims them
            return;
        }
        handedOff.add(new HandedOff(rows, leasedUntil));
        handedOffRows.addAndGet(rows.size());
        signal();
    }

    /** Called after a commit that wrote rows due at once: a claim pass runs now instead of at its time. */
    public void wake() {
        nextClaimPass.set(System.nanoTime());
        signal();
    }

    private void signal() {
        // Coalesce: one pending permit per worker is enough, a pass drains everything waiting.
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
        nextClaimPass.set(System.nanoTime() + props.pollInterval().toNanos());
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
                publishHandedOff();
                claimIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database or broker is down: the rows stay NEW and a later pass retries.
                log.warn("outbox relay pass failed: {}", e.toString());
            }
        }
    }

    /** Whether this worker runs the claim pass now: one worker per poll interval, or right after a wake. */
    private boolean claimPassDue() {
        long due = nextClaimPass.get();
        long now = System.nanoTime();
        return now - due >= 0 && nextClaimPass.compareAndSet(due, now + props.pollInterval().toNanos());
    }

    /** Everything handed over so far; the claim's schedule is kept meanwhile, so a steady stream cannot starve it. */
    private void publishHandedOff() {
        for (List<OutboxRow> batch = takeHandedOff(); !batch.isEmpty(); batch = takeHandedOff()) {
            relay.publish(batch);
            claimIfDue();
        }
    }

    private void claimIfDue() {
        if (claimPassDue()) {
            while (running && relay.relayOnce() >= props.batchSize()) {
                // a full batch: more is probably due
            }
        }
    }

    /** About a batch of handed-over rows whose lease outlasts a confirm; the others wait for a claim. */
    private List<OutboxRow> takeHandedOff() {
        List<OutboxRow> batch = new ArrayList<>();
        Instant confirmedBy = clock.instant().plus(props.confirmTimeout());
        HandedOff next;
        while (batch.size() < props.batchSize() && (next = handedOff.poll()) != null) {
            handedOffRows.addAndGet(-next.rows().size());
            if (next.leasedUntil().isAfter(confirmedBy)) {
                batch.addAll(next.rows());
            } else {
                log.warn("outbox: {} rows handed over too late to publish within their lease; a claim takes them"
                        + " after {}", next.rows().size(), next.leasedUntil());
            }
        }
        return batch;
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
        int left = handedOffRows.getAndSet(0);
        handedOff.clear();
        if (left > 0) {
            log.info("outbox: {} handed-over rows left unpublished; any relay claims them when their lease ends", left);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
