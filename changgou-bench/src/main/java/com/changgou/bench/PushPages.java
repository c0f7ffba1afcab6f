package com.changgou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of one mode, all open at once, one per payment: each its own connection through the
 * push URL, as the shopper who owns the payment, subscribed to what the mode says.
 */
final class PushPages {

    private static final Logger log = LoggerFactory.getLogger(PushPages.class);
    /** Once every page has its frame, this long without another one shows that no extra frame is on its way. */
    static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** This long without any frame while some are still owed: they were dropped or lost, not late. */
    static final long STALLED_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long POLL_MILLIS = 50;

    private final PushMode mode;
    private final List<PushPage> open;
    private final int refused;
    private final LongAdder frames;
    private final AtomicInteger arrivals;
    private final int concurrency;

    private PushPages(PushMode mode, List<PushPage> open, int refused, LongAdder frames, AtomicInteger arrivals, int concurrency) {
        this.mode = mode;
        this.open = open;
        this.refused = refused;
        this.frames = frames;
        this.arrivals = arrivals;
        this.concurrency = concurrency;
    }

    /**
     * Opens a page for each payment, at most {@code concurrency} opening at a time (not timed), each
     * through the WebSocket client of the shopper who owns the payment.
     */
    static PushPages open(PushMode mode, List<Shopper.Payment> payments, URI url, StompClient.Login login,
                          Function<Shopper, HttpClient> clients, int concurrency) {
        LongAdder frames = new LongAdder();
        AtomicInteger arrivals = new AtomicInteger();
        Bounded.Outcome<PushPage> outcome = Bounded.run(payments, concurrency, payment ->
                new PushPage(payment.token(), frames, arrivals).open(clients.apply(payment.shopper()), url, login,
                        mode.destination(payment.token())));
        if (outcome.failures() > 0) {
            log.warn("  {} of {} {} pages could not open, first: {}", outcome.failures(), payments.size(), mode.label(),
                    outcome.firstFailure().toString());
        }
        if (outcome.results().isEmpty()) {
            throw new IllegalStateException("no %s page could open at %s as %s".formatted(mode.label(), url, login.login()),
                    outcome.firstFailure());
        }
        return new PushPages(mode, outcome.results(), outcome.failures(), frames, arrivals, concurrency);
    }

    int opened() {
        return open.size();
    }

    /** Pages that could not connect or subscribe: their payments are paid all the same, and never pushed. */
    int refused() {
        return refused;
    }

    /** MESSAGE frames all the pages have received so far. */
    long frames() {
        return frames.sum();
    }

    /** Each page that received its own frame: its token and the instant the frame arrived. */
    Map<String, Long> arrivals() {
        Map<String, Long> arrived = new HashMap<>();
        open.stream().filter(PushPage::arrived).forEach(page -> arrived.put(page.token(), page.arrivedNanos()));
        return arrived;
    }

    /** The first reason a page's connection ended early, with how many ended so; null when none did. */
    String lost() {
        List<String> reasons = open.stream().map(PushPage::lost).filter(Objects::nonNull).toList();
        return reasons.isEmpty() ? null : "%d of %d pages, first: %s".formatted(reasons.size(), open.size(), reasons.get(0));
    }

    /**
     * Waits for the frames that {@code payments} payments owe the open pages: until every page has
     * its own and the count has reached what the mode delivers, then {@link #SETTLED_NANOS} more
     * without a frame (so extra ones would still be counted); or until nothing has arrived for
     * {@link #STALLED_NANOS}; or every page has lost its connection; or the deadline.
     */
    void awaitDeliveries(int payments, long framesBefore, long deadlineNanos) throws InterruptedException {
        long owed = mode.framesOwed(open.size(), payments);
        long seen = frames();
        long lastFrameNanos = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long count = frames();
            if (count != seen) {
                seen = count;
                lastFrameNanos = now;
            }
            boolean complete = arrivals.get() >= open.size() && count - framesBefore >= owed;
            if (now - lastFrameNanos >= (complete ? SETTLED_NANOS : STALLED_NANOS) || now >= deadlineNanos
                    || everyPageLost()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    /** Nothing more can arrive (a broker restart ends every connection). */
    private boolean everyPageLost() {
        return open.stream().allMatch(page -> page.lost() != null);
    }

    /** DISCONNECT on every page, a few at a time, each closing its WebSocket once the broker has answered. */
    void close() {
        List<PushPage> pages = new ArrayList<>(open);
        Bounded.run(pages, concurrency, PushPage::close);
    }
}
