package com.changgou.order.api.event;

import com.changgou.order.api.BusinessType;
import java.time.Instant;

/**
 * Body of a message on the {@code order.events} fanout: something happened to an order that other
 * services may care about. {@code type} is {@link #PAID} (the order moved to PAID; {@code amountFen}
 * is what was paid) or {@link #REFUNDED} (one refund of it succeeded; {@code amountFen} is that
 * refund's amount, and {@code paidFen} what the order paid, so a consumer can take back its share).
 * {@code eventId} is unique per event and stable across redeliveries: consumers apply each once.
 * {@code businessType} lets each consumer act on its own kinds and acknowledge the rest;
 * {@code username} is the shopper the order belongs to.
 */
public record OrderEvent(
        String eventId,
        String type,
        Instant occurredAt,
        String orderId,
        String username,
        BusinessType businessType,
        long amountFen,
        long paidFen) {

    public static final String PAID = "order.paid";
    public static final String REFUNDED = "order.refunded";
}
