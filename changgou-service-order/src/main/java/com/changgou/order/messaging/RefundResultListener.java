package com.changgou.order.messaging;

import com.changgou.order.management.RefundOutcome;
import com.changgou.order.management.RefundResultRejectedException;
import com.changgou.order.management.RefundResults;
import com.changgou.pay.api.message.RefundResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the pay service's refund results. A result for a refund this service does not know is
 * logged and acknowledged (nothing here can ever apply it); one that can never apply as written goes
 * to the DLQ with a WARN; a transient failure is retried by the container, then dead-lettered. An
 * operator's re-drive of a parked result takes the same path ({@link #apply}).
 */
@Component
public class RefundResultListener {

    private static final Logger log = LoggerFactory.getLogger(RefundResultListener.class);

    private final RefundResults results;

    RefundResultListener(RefundResults results) {
        this.results = results;
    }

    @RabbitListener(id = "refundResult", queues = "#{refundResultQueue.name}")
    void on(RefundResultMessage result) {
        try {
            apply(result);
        } catch (RefundResultRejectedException e) {
            log.warn("refund result rejected to the dead-letter queue: {}", e.getMessage());
            throw e;
        }
    }

    /**
     * Checks the result is complete and applies it; UNKNOWN (logged) for a refund this service does not know.
     *
     * @throws RefundResultRejectedException when it can never apply as written
     */
    public RefundOutcome apply(RefundResultMessage result) {
        requireComplete(result);
        RefundOutcome outcome = results.apply(result);
        if (outcome == RefundOutcome.UNKNOWN) {
            log.warn("refund result {} names refund {} of order {}, unknown here; acknowledged and dropped",
                    result.messageId(), result.outRefundNo(), result.orderId());
        } else {
            log.debug("refund result {} for refund {}: {} {}", result.messageId(), result.outRefundNo(),
                    result.state(), outcome);
        }
        return outcome;
    }

    private static void requireComplete(RefundResultMessage result) {
        if (result.type() != null && !RefundResultMessage.TYPE.equals(result.type())) {
            throw new RefundResultRejectedException("message %s on the refund result queue has type %s, expected %s"
                    .formatted(result.messageId(), result.type(), RefundResultMessage.TYPE));
        }
        if (result.outRefundNo() == null || result.outRefundNo().isBlank() || result.state() == null) {
            throw new RefundResultRejectedException("refund result %s lacks a refund id or a state: %s"
                    .formatted(result.messageId(), result));
        }
    }
}
