package com.changgou.user.messaging;

import com.changgou.order.api.event.OrderEvent;
import com.changgou.user.points.EarningNotSeenException;
import com.changgou.user.points.Points;
import com.changgou.user.points.PointsEventRejectedException;
import com.changgou.user.points.PointsOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the order service's events from the user service's own queue. The container acknowledges
 * after {@link Points#apply} returns, that is after its transaction committed; every outcome it
 * returns is acknowledged. An event that can never apply goes to the DLQ with a WARN; a transient
 * failure (database down, a refund ahead of its payment) is retried with back-off, then dead-lettered.
 */
@Component
class OrderEventListener {

    static final String ID = "orderEvents";

    private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

    private final Points points;
    private final OrderEventMeters meters;

    OrderEventListener(Points points, OrderEventMeters meters) {
        this.points = points;
        this.meters = meters;
    }

    @RabbitListener(id = ID, queues = "#{orderEventsQueue.name}")
    void on(OrderEvent event) {
        try {
            PointsOutcome outcome = points.apply(event);
            meters.handled(outcome);
            log.debug("order event {} ({}) of order {}: {}", event.eventId(), event.type(), event.orderId(), outcome);
        } catch (PointsEventRejectedException e) {
            log.warn("order event rejected to the dead-letter queue: {}", e.getMessage());
            throw e;
        } catch (EarningNotSeenException e) {
            log.info("{}; trying again shortly", e.getMessage());
            throw e;
        }
    }
}
