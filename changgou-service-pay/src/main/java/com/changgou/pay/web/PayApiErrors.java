package com.changgou.pay.web;

import com.changgou.common.Result;
import com.changgou.common.StatusCode;
import com.changgou.pay.alipay.AlipayNotConfiguredException;
import com.changgou.pay.alipay.AlipayRejectedException;
import com.changgou.pay.alipay.AlipayUnavailableException;
import com.changgou.pay.payment.OrderNotFoundException;
import com.changgou.pay.payment.OrderNotPayableException;
import com.changgou.pay.payment.OrderServiceUnavailableException;
import com.changgou.pay.payment.PaymentNotFoundException;
import com.changgou.pay.refund.InvalidRefundException;
import com.changgou.pay.refund.RefundConflictException;
import com.changgou.pay.refund.RefundNotFoundException;
import com.changgou.pay.wechat.WechatRejectedException;
import com.changgou.pay.wechat.WechatUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain errors as the seeds' {@link Result} envelope with the matching HTTP status. */
@RestControllerAdvice
class PayApiErrors {

    private static final Logger log = LoggerFactory.getLogger(PayApiErrors.class);

    @ExceptionHandler({OrderNotFoundException.class, PaymentNotFoundException.class, RefundNotFoundException.class})
    ResponseEntity<Result<Void>> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, StatusCode.NOTFOUNDERROR, e.getMessage());
    }

    @ExceptionHandler({OrderNotPayableException.class, RefundConflictException.class})
    ResponseEntity<Result<Void>> conflict(RuntimeException e) {
        return error(HttpStatus.CONFLICT, StatusCode.ERROR, e.getMessage());
    }

    @ExceptionHandler({WechatUnavailableException.class, WechatRejectedException.class})
    ResponseEntity<Result<Void>> wechat(RuntimeException e) {
        log.warn("WeChat call failed: {}", e.getMessage());
        // The shopper sees a plain sentence; WeChat's details stay in the log.
        return error(HttpStatus.BAD_GATEWAY, StatusCode.REMOTEERROR, "WeChat Pay is unavailable, please try again");
    }

    @ExceptionHandler({AlipayUnavailableException.class, AlipayRejectedException.class})
    ResponseEntity<Result<Void>> alipay(RuntimeException e) {
        log.warn("Alipay call failed: {}", e.getMessage());
        return error(HttpStatus.BAD_GATEWAY, StatusCode.REMOTEERROR, "Alipay is unavailable, please try again");
    }

    @ExceptionHandler(AlipayNotConfiguredException.class)
    ResponseEntity<Result<Void>> alipayOff(AlipayNotConfiguredException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, StatusCode.REMOTEERROR, e.getMessage());
    }

    @ExceptionHandler(OrderServiceUnavailableException.class)
    ResponseEntity<Result<Void>> orderService(OrderServiceUnavailableException e) {
        log.warn("{}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
        return error(HttpStatus.BAD_GATEWAY, StatusCode.REMOTEERROR, "order service is unavailable, please try again");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, InvalidRefundException.class})
    ResponseEntity<Result<Void>> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Result<Void>> unreadable(HttpMessageNotReadableException e) {
        // Jackson's own text may quote the body back: say only what is wrong.
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, "the request body is not a readable JSON command");
    }

    private static ResponseEntity<Result<Void>> error(HttpStatus status, int code, String message) {
        return ResponseEntity.status(status).body(Result.error(code, message));
    }
}
