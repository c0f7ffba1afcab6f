package com.changgou.user.web;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import com.changgou.security.Shopper;
import com.changgou.user.points.OrderPointsView;
import com.changgou.user.points.Points;
import com.changgou.user.points.PointsAccountView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shopper's points, for the apps that render their pages (web-order). Internal only; every call
 * carries the gateway's token for the shopper (see {@code UserSecurity}) and reads that shopper's
 * points only: another shopper's order answers 404, as one with no points yet.
 */
@RestController
@RequestMapping(PointsController.PATH)
class PointsController {

    static final String PATH = InternalApi.PREFIX + "/user/points";

    private final Points points;

    PointsController(Points points) {
        this.points = points;
    }

    @GetMapping
    Result<PointsAccountView> account(@Shopper String username) {
        return Result.ok(points.account(username));
    }

    @GetMapping("/orders/{orderId}")
    Result<OrderPointsView> ofOrder(@Shopper String username, @PathVariable("orderId") String orderId) {
        return Result.ok(points.ofOrder(username, orderId));
    }
}
