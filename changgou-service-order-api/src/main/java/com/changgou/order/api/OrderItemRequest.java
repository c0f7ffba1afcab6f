package com.changgou.order.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * One line of an order as the shopper asks for it: which good and how many. Its name and price
 * are the shop's, read by the order service from its catalogue; a client cannot name them.
 */
public record OrderItemRequest(
        @NotNull @Positive Long skuId,
        @NotNull @Min(1) @Max(OrderItemRequest.MAX_QUANTITY) Integer quantity) {

    public static final int MAX_QUANTITY = 99;
}
