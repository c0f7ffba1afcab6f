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
 * its owner (another user's order answers 404, as if it did not exist).
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
}
