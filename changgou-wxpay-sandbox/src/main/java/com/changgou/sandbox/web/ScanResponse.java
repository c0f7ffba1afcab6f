package com.changgou.sandbox.web;

record ScanResponse(String outTradeNo, String transactionId, String tradeState) {
}
