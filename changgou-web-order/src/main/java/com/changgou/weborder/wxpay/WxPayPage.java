package com.changgou.weborder.wxpay;

import com.changgou.weborder.web.StompSettings;

/**
 * What the wxpay page's script needs. The token stays inside the script: it is what proves a
 * {@code paynotify} broadcast is about this page's order, so it is not written into the markup.
 */
record WxPayPage(
        String orderId,
        String amount,
        long expireAtMillis,
        String token,
        String qrUrl,
        String phoneUrl,
        String statusUrl,
        String successUrl,
        StompSettings stomp) {
}
