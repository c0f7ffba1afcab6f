package com.changgou.pay.ops;

/** No pay record has this out_trade_no (404). */
class PayRecordNotFoundException extends RuntimeException {

    PayRecordNotFoundException(String outTradeNo) {
        super("no pay record %s".formatted(outTradeNo));
    }
}
