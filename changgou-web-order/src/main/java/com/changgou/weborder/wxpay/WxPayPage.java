package com.changgou.weborder.wxpay;

/**
 * What the wxpay page shows and its script needs. The token stays inside the script: it is what proves
 * a {@code paynotify} broadcast is about this page's order, so it is not written into the markup.
 */
record WxPayPage(
        String orderId,
        String amount,
        String qrUrl,
        String phoneUrl,
        PayWait payWait) {
}
