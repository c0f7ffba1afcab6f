package com.changgou.sandbox.notify;

import com.changgou.sandbox.trade.PaidOrderListener;
import com.changgou.sandbox.trade.SandboxOrder;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Notifies a paid order on WeChat's schedule, bent by the payment fault in force for it, if any. */
@Component
public class Notifier implements PaidOrderListener {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Deliveries deliveries;
    private final NotificationMessages messages;
    private final Faults faults;

    Notifier(Deliveries deliveries, NotificationMessages messages, Faults faults) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.faults = faults;
    }

    @Override
    public void onPaid(SandboxOrder order) {
        String genuine = messages.genuine(order);
        NotifyTarget target = new NotifyTarget(order.outTradeNo(), order.request().notifyUrl(), order::recordAttempt);
        Optional<Fault> fault = faults.forOrder(order.outTradeNo());
        if (fault.isEmpty()) {
            deliveries.deliver(target, genuine, Deliveries.Plan.PLAIN);
            return;
        }
        Fault applied = fault.get();
        order.recordFault(applied.mode().name());
        log.info("Notification of {} under fault {}", order.outTradeNo(), applied.mode());
        switch (applied.mode()) {
            case DROP -> { }
            case DELAY -> deliveries.deliverAfter(Duration.ofMillis(applied.delay()), target, genuine);
            case DUPLICATE -> deliveries.deliver(target, genuine, new Deliveries.Plan(applied.copies(), 0));
            case BAD_SIGN -> deliveries.forgedThenGenuine(target, "BAD_SIGN", messages.badSign(order), genuine);
            case WRONG_AMOUNT -> deliveries.forgedThenGenuine(target, "WRONG_AMOUNT", messages.wrongAmount(order),
                    genuine);
        }
    }

    /** Holds every notification POST (payments' and refunds') until {@link #release()}, at most {@code atMost}. */
    public void hold(Duration atMost) {
        deliveries.hold(atMost);
    }

    public void release() {
        deliveries.release();
    }

    public boolean held() {
        return deliveries.held();
    }

    /** Notification POSTs (payments and refunds) waiting for their retry time, a connection slot or an answer. */
    public int pending() {
        return deliveries.pending();
    }

    /** How many notification POSTs may be in flight at once ({@code sandbox.notification.max-in-flight}). */
    public int maxInFlight() {
        return deliveries.maxInFlight();
    }
}
