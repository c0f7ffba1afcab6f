package com.changgou.weborder.order;

import com.changgou.common.Result;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.api.RefundLine;
import com.changgou.weborder.failure.Failure;
import com.changgou.weborder.failure.RemoteFailures;
import com.changgou.weborder.failure.ShopFailure;
import feign.FeignException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The order service's client for the pages: the shopper's orders, as the order service tells them;
 * every failure becomes a {@link ShopFailure}.
 */
@Component
public class OrderServiceClient {

    private static final Pattern ORDER_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final OrderFeign orderFeign;

    public OrderServiceClient(OrderFeign orderFeign) {
        this.orderFeign = orderFeign;
    }

    /**
     * The order, if it is this shopper's: the order service answers for the shopper the forwarded
     * token names and hides other shoppers' orders, and we check the owner again.
     */
    public OrderView mine(String username, String orderId) {
        requireWellFormed(orderId);
        OrderView order;
        try {
            order = data(orderFeign.get(orderId), orderId);
        } catch (FeignException e) {
            throw RemoteFailures.fromOrder(e, orderId);
        }
        if (!username.equals(order.username())) {
            throw new ShopFailure(Failure.NOT_YOURS, orderId, "order belongs to another shopper");
        }
        return order;
    }

    /** Places the order for the shopper the forwarded token names. */
    public OrderView place(PlaceOrderRequest request) {
        try {
            return data(orderFeign.place(request), null);
        } catch (FeignException e) {
            Failure failure = e.status() == 400 ? Failure.BAD_ORDER_FORM : Failure.ORDER_SERVICE_DOWN;
            throw new ShopFailure(failure, null, "placing an order failed with " + e.status(), e);
        }
    }

    /**
     * The shopper cancels their paid order for a refund (the order service checks the owner and its
     * policy); a second cancel answers the same refund.
     */
    public RefundLine cancel(String orderId) {
        requireWellFormed(orderId);
        try {
            return Result.dataOrThrow(orderFeign.cancel(orderId), why -> new ShopFailure(Failure.ORDER_SERVICE_DOWN,
                    orderId, "order service returned no refund: " + why));
        } catch (FeignException e) {
            throw RemoteFailures.fromRefund(e, orderId);
        }
    }

    public static void requireWellFormed(String orderId) {
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            throw new ShopFailure(Failure.UNKNOWN_ORDER, null, "malformed order id");
        }
    }

    private static OrderView data(Result<OrderView> result, String orderId) {
        return Result.dataOrThrow(result,
                why -> new ShopFailure(Failure.NOT_YOURS, orderId, "order service returned no order: " + why));
    }
}
