package com.changgou.order.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a shopper orders: each sku at most once. Prices and totals are the order service's, never
 * sent by the client.
 */
public record PlaceOrderRequest(
        @NotEmpty @Size(max = PlaceOrderRequest.MAX_LINES) List<@NotNull @Valid OrderItemRequest> items) {

    public static final int MAX_LINES = 20;
}
