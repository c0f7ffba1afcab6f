package com.changgou.weborder.failure;

import org.springframework.http.HttpStatus;

/** Why a page could not be shown, in words a shopper understands. */
public enum Failure {
    BAD_ORDER_FORM(HttpStatus.BAD_REQUEST, "This order cannot be placed. Choose at least one item on sale, up to 99 of each."),
    UNKNOWN_ORDER(HttpStatus.NOT_FOUND, "We know of no such order."),
    NOT_YOURS(HttpStatus.NOT_FOUND, "Not your order: no order with this number belongs to you."),
    ALREADY_PAID(HttpStatus.CONFLICT, "This order is already paid."),
    NOT_PAID(HttpStatus.CONFLICT, "This order is not paid yet."),
    CLOSED(HttpStatus.CONFLICT, "This order is closed: the time to pay for it ran out."),
    REFUND_REFUSED(HttpStatus.CONFLICT, "This order cannot be cancelled for a refund."),
    WECHAT_UNREACHABLE(HttpStatus.BAD_GATEWAY, "WeChat Pay cannot be reached right now. Please try again in a minute."),
    ALIPAY_UNREACHABLE(HttpStatus.BAD_GATEWAY, "Alipay cannot be reached right now. Please try again in a minute."),
    PAY_SERVICE_DOWN(HttpStatus.SERVICE_UNAVAILABLE, "The pay service is down. Please try again later."),
    ORDER_SERVICE_DOWN(HttpStatus.SERVICE_UNAVAILABLE, "The order service is down. Please try again later."),
    USER_SERVICE_DOWN(HttpStatus.SERVICE_UNAVAILABLE, "Your points cannot be read right now. Please try again later.");

    private final HttpStatus status;
    private final String reason;

    Failure(HttpStatus status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public HttpStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
