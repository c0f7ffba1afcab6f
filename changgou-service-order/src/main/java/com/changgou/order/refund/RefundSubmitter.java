package com.changgou.order.refund;

import com.changgou.common.Result;
import com.changgou.order.api.OrderRefundState;
import com.changgou.order.management.RefundClaim;
import com.changgou.order.management.RefundRequested;
import com.changgou.order.management.RefundResults;
import com.changgou.order.management.RefundSubmissions;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundView;
import feign.FeignException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands REQUESTED refunds to the pay service, as the order service's own account: at once after the
 * commit that asked for one, and on a schedule for every one still REQUESTED (pay down, a crash, a lost
 * answer), always with the refund's own id, so a repeat is the same refund at the pay service. A
 * refund is first claimed ({@link RefundSubmissions#claim}), so several instances never submit one
 * row at once; a failed call waits a doubling, bounded back-off.
 */
@Component
class RefundSubmitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefundSubmitter.class);

    private final RefundSubmissions submissions;
    private final RefundResults results;
    private final PayFeign pay;
    private final PayRefusals refusals;
    /** Bounded: when busy, a refund waits for the scheduled pass rather than queue without limit. */
    private final ThreadPoolTaskExecutor soon = new ThreadPoolTaskExecutor();

    RefundSubmitter(RefundSubmissions submissions, RefundResults results, PayFeign pay, PayRefusals refusals) {
        this.submissions = submissions;
        this.results = results;
        this.pay = pay;
        this.refusals = refusals;
        soon.setThreadNamePrefix("refund-submit-");
        soon.setCorePoolSize(1);
        soon.setMaxPoolSize(2);
        soon.setQueueCapacity(100);
        soon.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        soon.setWaitForTasksToCompleteOnShutdown(true);
        soon.setAwaitTerminationSeconds(15);
        soon.initialize();
    }

    @Override
    public void destroy() {
        soon.shutdown();
    }

    /** Off the committing thread: the shopper's request (or the pay result's delivery) does not wait for pay. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RefundRequested requested) {
        try {
            soon.execute(() -> submitQuietly(requested.refundId()));
        } catch (TaskRejectedException busy) {
            log.debug("refund {} waits for the next submission pass", requested.refundId());
        }
    }

    @Scheduled(fixedDelayString = "${order.refund.submit-interval:PT2S}",
            initialDelayString = "${order.refund.submit-interval:PT2S}")
    void submitDue() {
        for (String id : submissions.due()) {
            submitQuietly(id);
        }
    }

    /**
     * Submits the refund if this instance can claim it now.
     *
     * @return false when it was not REQUESTED and due, or another submitter holds it
     */
    boolean submit(String refundId) {
        return submissions.claim(refundId).map(claim -> {
            answer(claim);
            return true;
        }).orElse(false);
    }

    private void submitQuietly(String refundId) {
        try {
            submit(refundId);
        } catch (RuntimeException e) {
            // the database is down: the row stays REQUESTED, and is due again once its lease ends
            log.warn("refund {} could not be submitted ({}); a later pass retries", refundId, e.toString());
        }
    }

    private void answer(RefundClaim claim) {
        RefundView view;
        try {
            view = Result.dataOrThrow(pay.refund(command(claim)), why -> new IllegalStateException(
                    "pay service answered no refund: " + why));
        } catch (FeignException e) {
            if (refusals.isFinal(e)) {
                String why = refusals.reason(e);
                log.error("pay service refused refund {} of order {} ({} fen) for good, HTTP {}: {}", claim.id(),
                        claim.orderId(), claim.amount(), e.status(), why);
                results.apply(claim.id(), OrderRefundState.REFUSED, why);
                return;
            }
            retryLater(claim, "HTTP %d: %s".formatted(e.status(), e.getMessage()));
            return;
        } catch (RuntimeException e) {
            retryLater(claim, e.toString());
            return;
        }
        results.apply(claim.id(), RefundResults.stateOf(view.state()), view.refusal());
        log.info("refund {} of order {} submitted (attempt {}): pay says {}", claim.id(), claim.orderId(),
                claim.attempts(), view.state());
    }

    private void retryLater(RefundClaim claim, String why) {
        Instant next = submissions.retryLater(claim);
        log.warn("refund {} of order {}: submission {} failed ({}); next try at {}", claim.id(), claim.orderId(),
                claim.attempts(), why, next);
    }

    private static RefundCommand command(RefundClaim claim) {
        return new RefundCommand(claim.id(), claim.orderId(), claim.transactionId(), claim.amount(), claim.reason());
    }
}
