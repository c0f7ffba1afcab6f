package com.changgou.pay.support;

import com.changgou.common.Result;
import com.changgou.order.api.OperatorRefundRequest;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.api.RefundLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import feign.FeignException;
import feign.Request;
import java.nio.charset.StandardCharsets;

/** The order service's answers, held in memory: the order service is not running in these tests. */
public class FakeOrders implements OrderFeign {

    private final Map<String, OrderView> orders = new ConcurrentHashMap<>();

    /** An unpaid order of {@code username}, expiring in 30 minutes. */
    public OrderView unpaid(String username, long payMoneyFen) {
        String id = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, Long.MAX_VALUE));
        return put(new OrderView(id, username, 1, payMoneyFen, payMoneyFen, OrderStatus.UNPAID, null,
                Instant.now(), Instant.now().plus(Duration.ofMinutes(30)), null, null, List.of()));
    }

    public OrderView put(OrderView order) {
        orders.put(order.id(), order);
        return order;
    }

    @Override
    public Result<OrderView> place(PlaceOrderRequest request) {
        throw new UnsupportedOperationException("the pay service never places orders");
    }

    /**
     * The order, whoever owns it: the real service answers only for the forwarded token's shopper,
     * and {@code Payments} checks the owner again, which is what these tests see.
     */
    @Override
    public Result<OrderView> get(String id) {
        OrderView order = orders.get(id);
        if (order == null) {
            // What Feign makes of the order service's 404 at its internal path.
            Request request = Request.create(Request.HttpMethod.GET, OrderFeign.PATH + "/" + id, Map.of(), null,
                    StandardCharsets.UTF_8, null);
            throw new FeignException.NotFound("order " + id + " not found", request, null, Map.of());
        }
        return Result.ok(order);
    }

    @Override
    public Result<List<OrderView>> list() {
        throw new UnsupportedOperationException("the pay service never lists orders");
    }

    @Override
    public Result<RefundLine> cancel(String id) {
        throw new UnsupportedOperationException("the pay service never cancels orders");
    }

    @Override
    public Result<RefundLine> refund(String id, OperatorRefundRequest request) {
        throw new UnsupportedOperationException("the pay service never asks the order service for refunds");
    }
}
