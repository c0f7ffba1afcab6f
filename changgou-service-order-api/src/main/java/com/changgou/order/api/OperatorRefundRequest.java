package com.changgou.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An operator gives back part of what an order was paid: {@code amountFen} in fen, at most what is
 * left to refund; {@code reason} is shown to the shopper by WeChat.
 */
public record OperatorRefundRequest(
        @NotNull @Positive Long amountFen,
        @NotBlank @Size(max = OperatorRefundRequest.MAX_REASON) String reason) {

    /** WeChat's refund_desc takes 80 characters. */
    public static final int MAX_REASON = 80;
}
