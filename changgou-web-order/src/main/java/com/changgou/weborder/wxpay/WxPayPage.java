package com.changgou.weborder.wxpay;

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
        String stompScript,
        StompSettings stomp) {

    /** A blank {@code url} means {@code path} on the page's own origin, ws or wss as the page. */
    record StompSettings(String url, String path, String login, String passcode, String vhost, String destination) {
    }
}
