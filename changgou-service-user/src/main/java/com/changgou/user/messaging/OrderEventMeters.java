package com.changgou.user.messaging;

import com.changgou.user.points.PointsOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code changgou.user.order.events} (Prometheus: {@code changgou_user_order_events_total}), one count
 * per order event this service is done with, by {@code outcome}: {@code applied} (points moved),
 * {@code ignored} (acknowledged unchanged: a duplicate, not GOODS, a type it does not act on) and
 * {@code dead_lettered} (given up on, to {@code user.order-events.dlq}). Retries are not counted:
 * an event is counted once, when it is settled one way or the other. One the broker dead-letters past
 * its delivery limit (the service died holding it, again and again) is not seen here: the DLQ's depth
 * shows it.
 */
@Component
class OrderEventMeters {

    static final String NAME = "changgou.user.order.events";

    private final Counter applied;
    private final Counter ignored;
    private final Counter deadLettered;

    OrderEventMeters(MeterRegistry registry) {
        this.applied = counter(registry, "applied", "order events that moved a shopper's points");
        this.ignored = counter(registry, "ignored", "order events acknowledged without a change");
        this.deadLettered = counter(registry, "dead_lettered", "order events given up on, to the dead-letter queue");
    }

    void handled(PointsOutcome outcome) {
        (outcome.changedPoints() ? applied : ignored).increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder(NAME).tag("outcome", outcome).description(description).register(registry);
    }
}
