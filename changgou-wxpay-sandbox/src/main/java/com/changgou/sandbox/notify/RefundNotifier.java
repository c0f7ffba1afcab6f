package com.changgou.sandbox.notify;

import com.changgou.sandbox.refund.RefundFault;
import com.changgou.sandbox.refund.RefundFaults;
import com.changgou.sandbox.refund.RefundListener;
import com.changgou.sandbox.refund.SandboxRefund;
import com.changgou.sandbox.trade.NotifyAttempt;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notifies an ended refund (SUCCESS, CHANGE or REFUNDCLOSE) on the payment notifications' schedule and
 * transport, bent by the refund's notification fault, if any; retries stop at the first return_code SUCCESS.
 */
@Component
public class RefundNotifier implements RefundListener {

    private static final Logger log = LoggerFactory.getLogger(RefundNotifier.class);

    private final Deliveries deliveries;
    private final RefundNotificationMessages messages;
    private final RefundFaults faults;

    RefundNotifier(Deliveries deliveries, RefundNotificationMessages messages, RefundFaults faults) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.faults = faults;
    }

    @Override
    public void onSettled(SandboxRefund refund) {
        String url = refund.request().notifyUrl();
        if (url == null) {
            log.info("Refund {} ended {} with no notify_url: nothing to notify", refund.outRefundNo(),
                    refund.status());
            return;
        }
        String xml = messages.of(RefundNotice.of(refund));
        NotifyTarget target = new NotifyTarget(refund.outRefundNo(), url, refund::recordAttempt);
        Optional<RefundFault> fault = faults.notificationFault(refund.outRefundNo());
        if (fault.isEmpty()) {
            deliveries.deliver(target, xml, Deliveries.Plan.PLAIN);
            return;
        }
        RefundFault applied = fault.get();
        refund.recordFault(applied.count() == null ? applied.mode().name() : applied.mode() + " x" + applied.count());
        log.info("Notification of refund {} under fault {}", refund.outRefundNo(), applied.mode());
        switch (applied.mode()) {
            case DROP -> {
                if (applied.count() != null) {
                    deliveries.deliver(target, xml, new Deliveries.Plan(1, applied.count()));
                }
            }
            case DUPLICATE -> deliveries.deliver(target, xml, new Deliveries.Plan(applied.copies(), 0));
            case DELAY -> deliveries.deliverAfter(Duration.ofMillis(applied.delay()), target, xml);
            default -> throw new IllegalStateException("not a notification fault: " + applied.mode());
        }
    }

    /**
     * POSTs, once, a correctly encrypted notification of a refund WeChat never made, as a merchant must expect
     * from a replayed or misrouted message: it must match req_info to a refund of its own, not trust it.
     */
    public CompletableFuture<NotifyAttempt> notifyUnknown(String url, UnknownRefund refund) {
        log.info("Notifying made-up refund {} to {}", refund.outRefundNo(), url);
        return deliveries.once(url, "UNKNOWN_REFUND", messages.of(refund.notice()));
    }
}
