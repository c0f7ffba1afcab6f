package com.changgou.order.api;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The order service's API for the other apps of the suite; internal, so no gateway route reaches
 * it. Every call is made on behalf of a shopper: the caller forwards the gateway's token it was
 * called with, and the order service acts on that token's subject. An order is only ever shown to
 * its owner (another user's order answers 404, as if it did not exist). The one exception is
 * {@link #refund}: a member of staff's, whose token carries the OPERATOR role.
 */
@FeignClient(name = "changgou-service-order", contextId = "orderFeign", path = OrderFeign.PATH)
public interface OrderFeign {

    String PATH = InternalApi.PREFIX + "/order";

    /** Places an order of the goods and quantities asked for, at the shop's prices. */
    @PostMapping
    Result<OrderView> place(@RequestBody PlaceOrderRequest request);

    @GetMapping("/{id}")
    Result<OrderView> get(@PathVariable("id") String id);

    @GetMapping
    Result<List<OrderView>> list();

    /**
     * The shopper cancels their paid order and gets everything left of it back. Within the refund
     * window only (a 409 with the reason outside it, or when the order is not paid); asking again
     * while that refund is on its way answers the same refund, never a second one.
     */
    @PostMapping("/{id}/cancel")
    Result<RefundLine> cancel(@PathVariable("id") String id);

    /** An operator (the token's role) gives back part of what was paid; a 409 when more than is left. */
    @PostMapping("/{id}/refunds")
    Result<RefundLine> refund(@PathVariable("id") String id, @RequestBody OperatorRefundRequest request);
}
