package com.changgou.weborder.alipay;

import com.changgou.weborder.wxpay.PayWait;

/**
 * What the Alipay page shows and its script needs. The merchant's page for the payment ({@code goUrl},
 * drawn in {@code qrDataUri}) carries the payment's token in its path: scanning it is how a phone pays.
 */
record AlipayPage(
        String orderId,
        String amount,
        String qrDataUri,
        String goUrl,
        PayWait payWait) {
}
