package com.changgou.order.web;

import com.changgou.common.Result;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.management.OrderManagement;
import com.changgou.security.Shopper;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP side of {@link OrderFeign}: internal, for the suite's apps only, always on behalf of the
 * shopper named by the gateway's token (see {@code OrderSecurity}).
 */
@RestController
@RequestMapping(OrderFeign.PATH)
class OrderController {

    private final OrderManagement orders;

    OrderController(OrderManagement orders) {
        this.orders = orders;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Result<OrderView> place(@Shopper String username, @Valid @RequestBody PlaceOrderRequest request) {
        return Result.ok(orders.place(username, request));
    }

    @GetMapping("/{id}")
    Result<OrderView> get(@Shopper String username, @PathVariable("id") String id) {
        return Result.ok(orders.get(username, id));
    }

    @GetMapping
    Result<List<OrderView>> list(@Shopper String username) {
        return Result.ok(orders.list(username));
    }
}
