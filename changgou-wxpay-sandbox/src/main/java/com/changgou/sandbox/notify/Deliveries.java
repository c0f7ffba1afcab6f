package com.changgou.sandbox.notify;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.trade.NotifyAttempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Delivers one notification on WeChat's schedule until the merchant answers return_code SUCCESS; payment and
 * refund notifications share it. Waits live in one timer thread and POSTs are asynchronous, so thousands of
 * slow merchants cost no threads.
 */
@Component
class Deliveries implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final NotifyTransport transport;
    private final SandboxProperties properties;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;
    /** Counts the holds; a hold's timed end releases only the hold it was set for. Guarded by this. */
    private long holds;

    Deliveries(NotifyTransport transport, SandboxProperties properties, Clock clock) {
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
        this.timer = new ScheduledThreadPoolExecutor(1, NotifyTransport.daemonThreads());
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** How the first attempt goes: {@code copies} at once (half, then the rest), after {@code dropped} lost ones. */
    record Plan(int copies, int dropped) {

        static final Plan PLAIN = new Plan(1, 0);
    }

    void deliver(NotifyTarget target, String xml, Plan plan) {
        attempt(target, xml, 1, plan);
    }

    void deliverAfter(Duration wait, NotifyTarget target, String xml) {
        later(wait, () -> attempt(target, xml, 1, Plan.PLAIN));
    }

    /** A forgery first (recorded as attempt 0 of {@code kind}), then the genuine one on the normal schedule. */
    void forgedThenGenuine(NotifyTarget target, String kind, String forged, String genuine) {
        send(target, 0, kind, forged).whenComplete((acked, failure) -> attempt(target, genuine, 1, Plan.PLAIN));
    }

    /** One POST outside any schedule, for a notification nobody will retry (a made-up refund). */
    CompletableFuture<NotifyAttempt> once(String url, String kind, String xml) {
        Instant at = clock.instant();
        return transport.post(url, xml).thenApply(reply -> new NotifyAttempt(1, kind, at, reply.status(),
                reply.body(), reply.error(), reply.acknowledged()));
    }

    /** Attempt {@code number} of the schedule; only the first may be lost or sent several times, per the plan. */
    private void attempt(NotifyTarget target, String xml, int number, Plan plan) {
        if (number <= plan.dropped()) {
            target.recorder().accept(new NotifyAttempt(number, "DROPPED", clock.instant(), 0, null,
                    "lost on the way by the DROP fault", false));
            afterAttempt(target, xml, number, false, plan);
            return;
        }
        int copies = number == plan.dropped() + 1 ? plan.copies() : 1;
        int firstWave = copies - copies / 2;
        sendCopies(target, xml, number, firstWave, "GENUINE")
                .thenCompose(acked -> copies / 2 == 0 ? CompletableFuture.completedFuture(acked)
                        : sendCopies(target, xml, number, copies / 2, "DUPLICATE").thenApply(more -> acked || more))
                .whenComplete((acked, failure) -> afterAttempt(target, xml, number, Boolean.TRUE.equals(acked), plan));
    }

    private CompletableFuture<Boolean> sendCopies(NotifyTarget target, String xml, int number, int count,
                                                  String kind) {
        List<CompletableFuture<Boolean>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sent.add(send(target, number, i == 0 ? kind : "DUPLICATE", xml));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(all -> sent.stream().anyMatch(CompletableFuture::join));
    }

    private void afterAttempt(NotifyTarget target, String xml, int number, boolean acknowledged, Plan plan) {
        if (acknowledged) {
            return;
        }
        Optional<Duration> wait = RetrySchedule.waitAfter(number);
        if (wait.isEmpty()) {
            log.warn("Gave up notifying {} after {} attempts", target.id(), number);
            return;
        }
        later(properties.scaled(wait.get()), () -> attempt(target, xml, number + 1, plan));
    }

    private CompletableFuture<Boolean> send(NotifyTarget target, int number, String kind, String xml) {
        Instant at = clock.instant();
        return transport.post(target.url(), xml).thenApply(reply -> {
            target.recorder().accept(new NotifyAttempt(number, kind, at, reply.status(), reply.body(), reply.error(),
                    reply.acknowledged()));
            log.debug("Notify {} attempt {} {} -> {} {}", target.id(), number, kind, reply.status(), reply.error());
            return reply.acknowledged();
        });
    }

    private void later(Duration wait, Runnable task) {
        try {
            timer.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Notification task failed", e);
                }
            }, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Sandbox shutting down, a notification retry is dropped");
        }
    }

    /**
     * From now on no notification POST starts (payments' and refunds', first attempts and retries alike): each
     * waits, in order, until {@link #release()}, or until {@code atMost} has passed, so that a caller that never
     * comes back cannot silence the sandbox for good. Holding again restarts the clock.
     */
    synchronized void hold(Duration atMost) {
        long thisHold = ++holds;
        transport.hold();
        // not on the timer: its queue is the notifications waiting for their time, which pending() counts
        CompletableFuture.delayedExecutor(atMost.toNanos(), TimeUnit.NANOSECONDS).execute(() -> endHold(thisHold));
        log.info("Notifications held for at most {} ({} waiting)", atMost, pending());
    }

    private synchronized void endHold(long hold) {
        if (hold == holds) {
            release();
        }
    }

    /** Starts every held POST, as many at once as the transport allows. */
    synchronized void release() {
        if (!transport.held()) {
            return;
        }
        log.info("Notifications released ({} waiting)", pending());
        transport.release();
    }

    boolean held() {
        return transport.held();
    }

    /** Notification POSTs waiting for their retry time, for a connection slot or for an answer. */
    int pending() {
        return timer.getQueue().size() + transport.busy();
    }

    int maxInFlight() {
        return transport.maxInFlight();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
