package com.changgou.sandbox.web;

/** The JSON body of every 4xx of the test API: a machine-readable code and a sentence for people. */
record ApiError(String error, String message) {
}
