package com.changgou.sandbox.alipay.notify;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
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
 * Delivers one notification on Alipay's schedule (scaled by {@code sandbox.time-scale}) until the merchant
 * answers {@code success}; the same notify_id and signature on every attempt. Waits live in one timer thread and
 * POSTs are asynchronous, as WeChat's deliveries, whose shape this follows (their class is WeChat-bound: XML
 * bodies, return_code acknowledgements, WeChat's schedule). Attempts are recorded as the WeChat side's
 * {@link NotifyAttempt}, so both consoles read alike.
 */
@Component
class AlipayDeliveries implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlipayDeliveries.class);

    private final FormPoster poster;
    private final SandboxProperties properties;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;

    AlipayDeliveries(FormPoster poster, SandboxProperties properties, Clock clock) {
        this.poster = poster;
        this.properties = properties;
        this.clock = clock;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "alipay-notify-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** How the first attempt goes: after {@code delayMillis}, {@code copies} at once, after {@code dropped} lost ones. */
    record Plan(int copies, int dropped, long delayMillis) {

        static final Plan PLAIN = new Plan(1, 0, 0);
    }

    void deliver(AlipayTrade trade, AlipayNotice notice, Plan plan) {
        String form = FormPoster.form(notice.fields());
        String url = trade.order().notifyUrl();
        if (plan.delayMillis() > 0) {
            later(Duration.ofMillis(plan.delayMillis()), () -> attempt(trade, url, notice, form, 1, plan));
        } else {
            attempt(trade, url, notice, form, 1, plan);
        }
    }

    private void attempt(AlipayTrade trade, String url, AlipayNotice notice, String form, int number, Plan plan) {
        if (number <= plan.dropped()) {
            record(trade, notice, new NotifyAttempt(number, "DROPPED", clock.instant(), 0, null,
                    "lost on the way by the DROP fault", false));
            afterAttempt(trade, url, notice, form, number, false, plan);
            return;
        }
        int copies = number == plan.dropped() + 1 ? plan.copies() : 1;
        List<CompletableFuture<Boolean>> sent = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) {
            sent.add(send(trade, url, notice, form, number, i == 0 ? "GENUINE" : "DUPLICATE"));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(all -> sent.stream().anyMatch(CompletableFuture::join))
                .whenComplete((acked, failure) -> afterAttempt(trade, url, notice, form, number,
                        Boolean.TRUE.equals(acked), plan));
    }

    private void afterAttempt(AlipayTrade trade, String url, AlipayNotice notice, String form, int number,
                              boolean acknowledged, Plan plan) {
        if (acknowledged) {
            return;
        }
        Optional<Duration> wait = AlipayRetrySchedule.waitAfter(number);
        if (wait.isEmpty()) {
            log.warn("Gave up notifying Alipay trade {} ({}) after {} attempts", trade.outTradeNo(),
                    notice.notifyId(), number);
            return;
        }
        later(properties.scaled(wait.get()), () -> attempt(trade, url, notice, form, number + 1, plan));
    }

    private CompletableFuture<Boolean> send(AlipayTrade trade, String url, AlipayNotice notice, String form,
                                            int number, String kind) {
        Instant at = clock.instant();
        return poster.post(url, form).thenApply(reply -> {
            record(trade, notice, new NotifyAttempt(number, kind, at, reply.status(), reply.body(), reply.error(),
                    reply.acknowledged()));
            log.debug("Alipay notify {} attempt {} {} -> {} {}", trade.outTradeNo(), number, kind, reply.status(),
                    reply.error());
            return reply.acknowledged();
        });
    }

    private static void record(AlipayTrade trade, AlipayNotice notice, NotifyAttempt attempt) {
        trade.recordNotified(new AlipayTrade.Notified(notice.notifyId(), notice.tradeStatus(), notice.outBizNo(),
                attempt));
    }

    private void later(Duration wait, Runnable task) {
        try {
            timer.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Alipay notification task failed", e);
                }
            }, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Sandbox shutting down, an Alipay notification retry is dropped");
        }
    }

    /** Notification POSTs waiting for their retry time, for a connection slot or for an answer. */
    int pending() {
        return timer.getQueue().size() + poster.busy();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
