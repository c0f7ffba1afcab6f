package com.changgou.order.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a shopper orders. Totals are computed by the order service, never sent by the client. */
public record PlaceOrderRequest(@NotEmpty @Size(max = 50) List<@Valid OrderItemRequest> items) {
}
