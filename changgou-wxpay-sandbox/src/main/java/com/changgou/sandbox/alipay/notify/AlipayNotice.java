package com.changgou.sandbox.alipay.notify;

import java.util.Map;

/** One signed notification: its identity for the record, and the form fields as POSTed (sign included). */
record AlipayNotice(String notifyId, String tradeStatus, String outBizNo, Map<String, String> fields) {
}
