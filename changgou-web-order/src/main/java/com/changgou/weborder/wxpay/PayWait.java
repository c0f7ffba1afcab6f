package com.changgou.weborder.wxpay;

import com.changgou.order.api.OrderView;
import com.changgou.weborder.WebOrderProperties;
import com.changgou.weborder.web.Links;
import com.changgou.weborder.web.StompSettings;
import java.time.Instant;

/**
 * What a page waiting on a payment hands its script (static/js/paywait.js), whichever way the order is
 * paid: the countdown's end, the payment's opaque token to match {@code paynotify} broadcasts, the
 * status to poll when the push cannot be had, and where to go once paid.
 */
public record PayWait(String token, long expireAtMillis, String statusUrl, String successUrl, StompSettings stomp) {

    /** The payment's own expiry if the pay service told it, else the order's; 0 shows no countdown. */
    public static PayWait of(OrderView order, String token, Instant paymentExpiresAt, Links links,
            WebOrderProperties properties) {
        Instant expireAt = paymentExpiresAt != null ? paymentExpiresAt : order.expireAt();
        return new PayWait(token, expireAt == null ? 0L : expireAt.toEpochMilli(), links.status(order.id()),
                links.paySuccess(order.id()), StompSettings.of(properties, links));
    }
}
