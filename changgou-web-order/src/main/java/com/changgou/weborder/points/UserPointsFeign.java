package com.changgou.weborder.points;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The user service's points API, as web-order reads it ({@code PointsController} there). Every call is
 * made for the shopper whose page is being rendered and carries the gateway's token the page request
 * came with; the user service answers for that token's subject only.
 */
@FeignClient(name = "changgou-service-user", contextId = "userPointsFeign", path = UserPointsFeign.PATH)
public interface UserPointsFeign {

    String PATH = InternalApi.PREFIX + "/user";

    /** The shopper's balance and latest entries, newest first. */
    @GetMapping("/points")
    Result<PointsAccount> points();

    /** What one of the shopper's orders earned; 404 until its points are in. */
    @GetMapping("/points/orders/{orderId}")
    Result<OrderPoints> ofOrder(@PathVariable("orderId") String orderId);
}
