package com.changgou.order.metrics;

import com.changgou.order.api.OrderRefundState;
import com.changgou.order.deadletter.DeadLetterParked;
import com.changgou.order.deadletter.DeadLetters;
import com.changgou.order.management.OrderClosed;
import com.changgou.order.management.OrderPaid;
import com.changgou.order.management.RefundDecisions;
import com.changgou.order.management.RefundMoved;
import com.changgou.order.messaging.RabbitNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The order service's business metrics, counted from the domain's events once their transaction has
 * committed (a rolled-back change counts nothing). The two gauges are read from the database on a
 * schedule and cached, so a scrape never reaches the database.
 */
@Component
class OrderMetrics {

    private static final Logger log = LoggerFactory.getLogger(OrderMetrics.class);

    private final MeterRegistry registry;
    private final DeadLetters deadLetters;
    private final RefundDecisions refunds;
    private final Counter paid;
    private final Timer paymentLatency;
    private final Counter closedByTimeout;
    private final Map<OrderRefundState, Counter> refundStates = new EnumMap<>(OrderRefundState.class);
    private final AtomicLong openDeadLetters = new AtomicLong();
    private final AtomicLong refundsNeedingAttention = new AtomicLong();

    OrderMetrics(MeterRegistry registry, DeadLetters deadLetters, RefundDecisions refunds, RabbitNames names) {
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.refunds = refunds;
        this.paid = Counter.builder("changgou.order.paid").description("orders that moved from unpaid to paid")
                .register(registry);
        this.paymentLatency = Timer.builder("changgou.order.payment.latency")
                .description("from the pay service storing WeChat's result to the order being paid")
                .publishPercentileHistogram().register(registry);
        this.closedByTimeout = Counter.builder("changgou.order.closed").description("unpaid orders closed")
                .tag("reason", "timeout").register(registry);
        for (OrderRefundState state : OrderRefundState.values()) {
            refundStates.put(state, Counter.builder("changgou.order.refunds")
                    .description("order refunds entering a state").tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        // present from the start, so a rate over them is defined before the first dead letter
        deadLetters(names.deadLetterQueue());
        deadLetters(names.refundDeadLetterQueue());
        Gauge.builder("changgou.order.dead.letters.open", openDeadLetters, AtomicLong::get)
                .description("dead letters waiting for an operator").register(registry);
        Gauge.builder("changgou.order.refunds.attention", refundsNeedingAttention, AtomicLong::get)
                .description("refunds that need a person").register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(OrderPaid event) {
        paid.increment();
        if (event.reportedAt() != null) {
            Duration latency = Duration.between(event.reportedAt(), event.paidAt());
            paymentLatency.record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    /** The timeout (its message or the sweep) is the one path that closes an order. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(OrderClosed event) {
        closedByTimeout.increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RefundMoved event) {
        refundStates.get(event.state()).increment();
    }

    /** Published by the parker after its commit. */
    @EventListener
    void on(DeadLetterParked event) {
        deadLetters(event.queue()).increment();
    }

    @Scheduled(fixedDelayString = "${order.metrics.gauge-refresh:PT5S}", initialDelay = 0)
    void refreshGauges() {
        try {
            openDeadLetters.set(deadLetters.countOpen());
            refundsNeedingAttention.set(refunds.countNeedingAttention());
        } catch (RuntimeException e) {
            // the last values stand until the database answers again
            log.warn("could not refresh the order gauges: {}", e.toString());
        }
    }

    private Counter deadLetters(String queue) {
        return Counter.builder("changgou.order.dead.letters").description("dead letters parked for a person")
                .tag("queue", queue.toLowerCase(Locale.ROOT)).register(registry);
    }
}
