package com.changgou.pay.refund;

import com.changgou.pay.api.PayState;

/** What a refund needs of a pay record: which payment it is, how much it took, and whether it did. */
record PaidPayment(String outTradeNo, String orderId, String transactionId, long totalFee, PayState status) {
}
