package com.changgou.sandbox.alipay.web;

import com.changgou.sandbox.alipay.trade.AlipayRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the Alipay test API's refusals to 4xx/503 with a body that says what and which. */
@RestControllerAdvice(assignableTypes = AlipaySandboxApiController.class)
class AlipayApiErrors {

    record ApiError(String error, String message) {
    }

    @ExceptionHandler(AlipayRefusedException.class)
    ResponseEntity<ApiError> refused(AlipayRefusedException e) {
        HttpStatus status = "ACQ.TRADE_NOT_EXIST".equals(e.subCode()) ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return ResponseEntity.status(status).body(new ApiError(e.subCode(), e.subMsg()));
    }

    @ExceptionHandler(AlipaySandboxApiController.AlipayOffException.class)
    ResponseEntity<ApiError> off(AlipaySandboxApiController.AlipayOffException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError("ALIPAY_OFF", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new ApiError("BAD_REQUEST", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("BAD_REQUEST", "the JSON body could not be read"));
    }
}
