package com.changgou.order.web;

import com.changgou.common.Result;
import com.changgou.order.api.OperatorRefundRequest;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.api.RefundLine;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.Refunds;
import com.changgou.security.Shopper;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP side of {@link OrderFeign}: internal, for the suite's apps only, always on behalf of the
 * shopper named by the gateway's token (see {@code OrderSecurity}); an operator's refund, for the
 * member of staff it names.
 */
@RestController
@RequestMapping(OrderFeign.PATH)
class OrderController {

    private final OrderManagement orders;
    private final Refunds refunds;

    OrderController(OrderManagement orders, Refunds refunds) {
        this.orders = orders;
        this.refunds = refunds;
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

    @PostMapping("/{id}/cancel")
    Result<RefundLine> cancel(@Shopper String username, @PathVariable("id") String id) {
        return Result.ok(refunds.cancel(username, id));
    }

    /** Only a token with the OPERATOR role gets here ({@code OrderSecurity}); its subject is the operator. */
    @PostMapping("/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    Result<RefundLine> refund(@AuthenticationPrincipal(expression = "subject") String operator,
            @PathVariable("id") String id, @Valid @RequestBody OperatorRefundRequest request) {
        return Result.ok(refunds.refundByOperator(operator, id, request.amountFen(), request.reason()));
    }
}
