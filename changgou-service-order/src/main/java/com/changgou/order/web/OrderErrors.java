package com.changgou.order.web;

import com.changgou.common.Result;
import com.changgou.common.StatusCode;
import com.changgou.order.catalogue.OrderRefusedException;
import com.changgou.order.deadletter.DeadLetterDecidedException;
import com.changgou.order.deadletter.DeadLetterNotFoundException;
import com.changgou.order.management.OrderNotFoundException;
import com.changgou.order.management.RefundNotFoundException;
import com.changgou.order.management.RefundRefusedException;
import com.changgou.order.ops.MissingReasonException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** The one translation of the order service's failures into HTTP statuses and {@link Result} bodies. */
@RestControllerAdvice
class OrderErrors {

    private static final Logger log = LoggerFactory.getLogger(OrderErrors.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Result<Void>> invalid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> "%s %s".formatted(f.getField(), f.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, "invalid request: " + fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Result<Void>> invalid(HandlerMethodValidationException e) {
        String params = e.getParameterValidationResults().stream()
                .map(r -> "%s %s".formatted(r.getMethodParameter().getParameterName(),
                        r.getResolvableErrors().stream().map(m -> m.getDefaultMessage())
                                .collect(Collectors.joining(", "))))
                .collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, "invalid request: " + params);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Result<Void>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, "request body is not a readable order");
    }

    @ExceptionHandler(OrderNotFoundException.class)
    ResponseEntity<Result<Void>> notFound(OrderNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, StatusCode.NOTFOUNDERROR, e.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Result<Void>> conflict(DuplicateKeyException e) {
        log.warn("duplicate key: {}", e.getMessage());
        return error(HttpStatus.CONFLICT, StatusCode.REPERROR, "the order already exists");
    }

    @ExceptionHandler(OrderRefusedException.class)
    ResponseEntity<Result<Void>> refused(OrderRefusedException e) {
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, e.getMessage());
    }

    @ExceptionHandler(RefundRefusedException.class)
    ResponseEntity<Result<Void>> refundRefused(RefundRefusedException e) {
        return error(HttpStatus.CONFLICT, StatusCode.ERROR, e.getMessage());
    }

    @ExceptionHandler({RefundNotFoundException.class, DeadLetterNotFoundException.class})
    ResponseEntity<Result<Void>> opsNotFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, StatusCode.NOTFOUNDERROR, e.getMessage());
    }

    @ExceptionHandler(DeadLetterDecidedException.class)
    ResponseEntity<Result<Void>> decided(DeadLetterDecidedException e) {
        return error(HttpStatus.CONFLICT, StatusCode.ERROR, e.getMessage());
    }

    @ExceptionHandler(MissingReasonException.class)
    ResponseEntity<Result<Void>> noReason(MissingReasonException e) {
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, e.getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Result<Void>> database(DataAccessException e) {
        log.warn("database failure: {}", e.getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, StatusCode.REMOTEERROR, "orders are unavailable, try again");
    }

    private static ResponseEntity<Result<Void>> error(HttpStatus status, int code, String message) {
        return ResponseEntity.status(status).body(Result.error(code, message));
    }
}
