package com.changgou.weborder.wxpay;

import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.api.NativePayment;
import com.changgou.weborder.failure.Failure;
import com.changgou.weborder.failure.ShopFailure;
import com.changgou.weborder.order.OrderServiceClient;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Starts (or reuses) the payment of a shopper's order, by WeChat Pay or by Alipay. Only an unpaid
 * order gets one; a refusal by the pay service is explained by the order's state now.
 */
@Component
public class Checkout {

    private final OrderServiceClient orderService;
    private final PayServiceClient payService;

    Checkout(OrderServiceClient orderService, PayServiceClient payService) {
        this.orderService = orderService;
        this.payService = payService;
    }

    NativePayment wechat(String username, OrderView order) {
        return start(username, order, payService::start);
    }

    public AlipayPayment alipay(String username, OrderView order) {
        return start(username, order, payService::alipay);
    }

    private <P> P start(String username, OrderView order, Function<String, P> payment) {
        if (order.status() == OrderStatus.CLOSED) {
            throw new ShopFailure(Failure.CLOSED, order.id(), "order is closed");
        }
        if (order.status() == OrderStatus.PAID) {
            throw new ShopFailure(Failure.ALREADY_PAID, order.id(), "order is paid");
        }
        try {
            return payment.apply(order.id());
        } catch (PayServiceClient.PaymentConflict conflict) {
            OrderStatus now = orderService.mine(username, order.id()).status();
            Failure failure = now == OrderStatus.PAID ? Failure.ALREADY_PAID : Failure.CLOSED;
            throw new ShopFailure(failure, order.id(), "pay service refused the payment, order is " + now, conflict);
        }
    }
}
