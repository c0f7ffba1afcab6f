package com.changgou.sandbox.notify;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.trade.NotifyAttempt;
import com.changgou.sandbox.trade.PaidOrderListener;
import com.changgou.sandbox.trade.SandboxOrder;
import java.time.Clock;
import java.time.Duration;
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
 * Delivers a paid order's notification on WeChat's schedule until the merchant answers return_code SUCCESS.
 * Waits live in one timer thread and POSTs are asynchronous, so thousands of slow merchants cost no threads.
 */
@Component
public class Notifier implements PaidOrderListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotifyTransport transport;
    private final NotificationMessages messages;
    private final Faults faults;
    private final SandboxProperties properties;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;

    Notifier(NotifyTransport transport, NotificationMessages messages, Faults faults,
             SandboxProperties properties, Clock clock) {
        this.transport = transport;
        this.messages = messages;
        this.faults = faults;
        this.properties = properties;
        this.clock = clock;
        this.timer = new ScheduledThreadPoolExecutor(1, NotifyTransport.daemonThreads());
        this.timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void onPaid(SandboxOrder order) {
        String genuine = messages.genuine(order);
        Optional<Fault> fault = faults.forOrder(order.outTradeNo());
        if (fault.isEmpty()) {
            attempt(order, genuine, 1, 1);
            return;
        }
        Fault applied = fault.get();
        order.recordFault(applied.mode().name());
        log.info("Notification of {} under fault {}", order.outTradeNo(), applied.mode());
        switch (applied.mode()) {
            case DROP -> { }
            case DELAY -> later(Duration.ofMillis(applied.delay()), () -> attempt(order, genuine, 1, 1));
            case DUPLICATE -> attempt(order, genuine, 1, applied.copies());
            case BAD_SIGN -> forgedThenGenuine(order, "BAD_SIGN", messages.badSign(order), genuine);
            case WRONG_AMOUNT -> forgedThenGenuine(order, "WRONG_AMOUNT", messages.wrongAmount(order), genuine);
        }
    }

    private void forgedThenGenuine(SandboxOrder order, String kind, String forged, String genuine) {
        send(order, 0, kind, forged).whenComplete((acked, failure) -> attempt(order, genuine, 1, 1));
    }

    /** Attempt {@code number} of the schedule; with {@code copies} > 1, half go at once and the rest right after. */
    private void attempt(SandboxOrder order, String xml, int number, int copies) {
        int firstWave = copies - copies / 2;
        sendCopies(order, xml, number, firstWave, "GENUINE")
                .thenCompose(acked -> copies / 2 == 0 ? CompletableFuture.completedFuture(acked)
                        : sendCopies(order, xml, number, copies / 2, "DUPLICATE").thenApply(more -> acked || more))
                .whenComplete((acked, failure) -> afterAttempt(order, xml, number, Boolean.TRUE.equals(acked)));
    }

    private CompletableFuture<Boolean> sendCopies(SandboxOrder order, String xml, int number, int count, String kind) {
        List<CompletableFuture<Boolean>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sent.add(send(order, number, i == 0 ? kind : "DUPLICATE", xml));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(all -> sent.stream().anyMatch(CompletableFuture::join));
    }

    private void afterAttempt(SandboxOrder order, String xml, int number, boolean acknowledged) {
        if (acknowledged) {
            return;
        }
        Optional<Duration> wait = RetrySchedule.waitAfter(number);
        if (wait.isEmpty()) {
            log.warn("Gave up notifying {} after {} attempts", order.outTradeNo(), number);
            return;
        }
        later(properties.scaled(wait.get()), () -> attempt(order, xml, number + 1, 1));
    }

    private CompletableFuture<Boolean> send(SandboxOrder order, int number, String kind, String xml) {
        var at = clock.instant();
        return transport.post(order.request().notifyUrl(), xml).thenApply(reply -> {
            order.recordAttempt(new NotifyAttempt(number, kind, at, reply.status(), reply.body(), reply.error(),
                    reply.acknowledged()));
            log.debug("Notify {} attempt {} {} -> {} {}", order.outTradeNo(), number, kind, reply.status(),
                    reply.error());
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

    /** Notification POSTs waiting for their retry time, for a connection slot or for an answer. */
    public int pending() {
        return timer.getQueue().size() + transport.busy();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
