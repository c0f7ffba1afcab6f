package com.changgou.sandbox.web;

import com.changgou.sandbox.trade.ScanRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the JSON API's refusals to 4xx with a body that says what and which. */
@RestControllerAdvice(assignableTypes = {SandboxApiController.class, RefundSandboxApiController.class})
class SandboxApiErrors {

    @ExceptionHandler(ScanRefusedException.class)
    ResponseEntity<ApiError> scanRefused(ScanRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case UNKNOWN_CODE_URL -> HttpStatus.NOT_FOUND;
            case EXPIRED -> HttpStatus.GONE;
            case ALREADY_PAID, CLOSED -> HttpStatus.CONFLICT;
            case BAD_OUTCOME -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new ApiError(e.reason().name(), e.getMessage()));
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
