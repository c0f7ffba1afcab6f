package com.changgou.order.messaging;

import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.PaymentOutcome;
import com.changgou.order.management.PaymentRejectedException;
import com.changgou.pay.api.message.PayResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the pay service's results. A result that can never apply is rejected to the DLQ with a
 * WARN; a transient failure (database down) is retried by the container, then dead-lettered. An
 * operator's re-drive of a parked result takes the same path ({@link #apply}).
 */
@Component
public class PayResultListener {

    private static final Logger log = LoggerFactory.getLogger(PayResultListener.class);

    private final OrderManagement orders;

    PayResultListener(OrderManagement orders) {
        this.orders = orders;
    }

    @RabbitListener(id = "payResult", queues = "#{payResultQueue.name}")
    void on(PayResultMessage result) {
        try {
            apply(result);
        } catch (PaymentRejectedException e) {
            log.warn("pay result rejected to the dead-letter queue: {}", e.getMessage());
            throw e;
        }
    }

    /**
     * Checks the result is complete and applies it.
     *
     * @throws PaymentRejectedException when it can never apply as written
     */
    public PaymentOutcome apply(PayResultMessage result) {
        requireComplete(result);
        PaymentOutcome outcome = orders.markPaid(result);
        log.debug("pay result {} for order {}: {}", result.messageId(), result.orderId(), outcome);
        return outcome;
    }

    private static void requireComplete(PayResultMessage result) {
        if (result.type() != null && !PayResultMessage.TYPE.equals(result.type())) {
            throw new PaymentRejectedException("message %s on the pay result queue has type %s, expected %s"
                    .formatted(result.messageId(), result.type(), PayResultMessage.TYPE));
        }
        if (isBlank(result.orderId()) || isBlank(result.transactionId())) {
            throw new PaymentRejectedException("pay result %s lacks an order id or a transaction id: %s"
                    .formatted(result.messageId(), result));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
