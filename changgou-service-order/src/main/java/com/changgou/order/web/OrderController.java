package com.changgou.order.web;

import com.changgou.common.Result;
import com.changgou.common.UserHeader;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.management.OrderManagement;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP side of {@link OrderFeign}: internal, for the suite's apps only. */
@RestController
@RequestMapping(OrderFeign.PATH)
class OrderController {

    private final OrderManagement orders;

    OrderController(OrderManagement orders) {
        this.orders = orders;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Result<OrderView> place(@RequestHeader(UserHeader.NAME) String username,
            @Valid @RequestBody PlaceOrderRequest request) {
        return Result.ok(orders.place(shopper(username), request));
    }

    @GetMapping("/{id}")
    Result<OrderView> get(@RequestHeader(UserHeader.NAME) String username, @PathVariable("id") String id) {
        return Result.ok(orders.get(shopper(username), id));
    }

    @GetMapping
    Result<List<OrderView>> list(@RequestHeader(UserHeader.NAME) String username) {
        return Result.ok(orders.list(shopper(username)));
    }

    private static String shopper(String username) {
        if (username.isBlank()) {
            throw new MissingShopperException();
        }
        return username.strip();
    }

    /** A present but blank X-User-Name header: as good as none. */
    static final class MissingShopperException extends RuntimeException {
        MissingShopperException() {
            super("header %s is required".formatted(UserHeader.NAME));
        }
    }
}
