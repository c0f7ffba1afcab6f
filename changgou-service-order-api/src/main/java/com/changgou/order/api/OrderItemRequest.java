package com.changgou.order.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** One line of an order as the shopper asks for it; the price is per unit, in fen. */
public record OrderItemRequest(
        @NotNull @Positive Long skuId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) Long priceFen,
        @NotNull @Min(1) @Max(999) Integer quantity) {
}
