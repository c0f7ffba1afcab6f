package com.changgou.pay.api.message;

import com.changgou.pay.api.PayState;
import java.time.Instant;

/**
 * Body of a broadcast on the {@code paynotify} fanout, read by every subscribed browser. It
 * carries only the order's opaque token and the state: no order id, amount or user.
 */
public record PayNotifyMessage(String messageId, String type, Instant occurredAt, String token, PayState state) {

    public static final String TYPE = "pay.notify";
}
