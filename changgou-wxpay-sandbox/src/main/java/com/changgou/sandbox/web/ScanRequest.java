package com.changgou.sandbox.web;

/** {@code outcome} is PAY, FAIL or USERPAYING; PAY when absent. */
record ScanRequest(String codeUrl, String outcome) {
}
