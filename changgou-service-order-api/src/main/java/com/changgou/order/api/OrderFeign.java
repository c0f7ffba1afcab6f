package com.changgou.order.api;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import com.changgou.common.UserHeader;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The order service's API for the other apps of the suite; internal, so no gateway route reaches
 * it. Every call names the shopper: an order is only ever shown to its owner (another user's order
 * answers 404, as if it did not exist).
 */
@FeignClient(name = "changgou-service-order", contextId = "orderFeign", path = OrderFeign.PATH)
public interface OrderFeign {

    String PATH = InternalApi.PREFIX + "/order";

    /** Places an order of the goods and quantities asked for, at the shop's prices. */
    @PostMapping
    Result<OrderView> place(@RequestHeader(UserHeader.NAME) String username, @RequestBody PlaceOrderRequest request);

    @GetMapping("/{id}")
    Result<OrderView> get(@RequestHeader(UserHeader.NAME) String username, @PathVariable("id") String id);

    @GetMapping
    Result<List<OrderView>> list(@RequestHeader(UserHeader.NAME) String username);
}
