package com.changgou.pay.payment;

import com.changgou.common.Result;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import feign.FeignException;
import org.springframework.stereotype.Component;

/** The order service's word on a shopper's order: amount, expiry and state are read there, never taken from the caller. */
@Component
class ShopperOrders {

    private final OrderFeign orders;

    ShopperOrders(OrderFeign orders) {
        this.orders = orders;
    }

    /** The shopper's order, still UNPAID; another shopper's order is not found. */
    OrderView unpaid(String username, String orderId) {
        OrderView order = fetch(username, orderId);
        if (order.status() != OrderStatus.UNPAID) {
            throw new OrderNotPayableException("order %s is %s".formatted(orderId, order.status()));
        }
        return order;
    }

    private OrderView fetch(String username, String orderId) {
        Result<OrderView> result;
        try {
            // on behalf of the same shopper: the gateway's token goes along (ForwardGatewayToken)
            result = orders.get(orderId);
        } catch (FeignException.NotFound e) {
            throw new OrderNotFoundException(orderId);
        } catch (FeignException e) {
            throw new OrderServiceUnavailableException(orderId, e);
        }
        OrderView order = Result.dataOrThrow(result, why -> new OrderNotFoundException(orderId));
        if (!username.equals(order.username())) {
            throw new OrderNotFoundException(orderId);
        }
        return order;
    }
}
