package com.changgou.order.messaging;

import com.changgou.common.Result;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.OrderProperties;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.PayFeign;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes orders nobody paid. WeChat is asked first: an order whose trade was paid meanwhile stays
 * open for the paid result on its way. When the pay service cannot answer, the order stays unpaid and
 * the attempt is repeated (container retries, then the sweep): closing an order WeChat may have been
 * paid for, without asking, is never an option.
 */
@Component
class OrderExpiry {

    private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);

    private final OrderManagement orders;
    private final PayFeign pay;
    private final OrderProperties properties;
    private final Clock clock;

    OrderExpiry(OrderManagement orders, PayFeign pay, OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.pay = pay;
        this.properties = properties;
        this.clock = clock;
    }

    @RabbitListener(id = "orderTimeout", queues = "#{timeoutQueue.name}")
    void on(OrderTimeoutMessage timeout) {
        expire(timeout.orderId(), "timeout");
    }

    /** The backstop for delay messages lost while the broker was down or unconfirmed. */
    @Scheduled(fixedDelayString = "${order.sweep-interval:PT1M}", initialDelayString = "${order.sweep-interval:PT1M}")
    void sweep() {
        Instant cutoff = clock.instant().minus(properties.sweepGrace());
        for (String id : orders.expiredBefore(cutoff, properties.sweepBatch())) {
            try {
                expire(id, "timeout (sweep)");
            } catch (RuntimeException e) {
                log.warn("sweep could not close order {} ({}); next sweep retries", id, e.getMessage());
            }
        }
    }

    void expire(String orderId, String reason) {
        if (orders.statusOf(orderId) != OrderStatus.UNPAID) {
            log.debug("order {} is no longer unpaid; nothing to expire", orderId);
            return;
        }
        CloseOutcome outcome = closeAtWeChat(orderId);
        switch (outcome) {
            case CLOSED, NO_PAYMENT -> orders.close(orderId, "%s; WeChat trade %s".formatted(reason, outcome));
            case PAID -> log.info("order {} timed out but WeChat says it was paid; waiting for the paid result",
                    orderId);
        }
    }

    private CloseOutcome closeAtWeChat(String orderId) {
        return Result.dataOrThrow(pay.close(orderId),
                why -> new IllegalStateException("pay service could not close order %s: %s".formatted(orderId, why)));
    }
}
