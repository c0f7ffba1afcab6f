package com.changgou.pay.ops;

import com.changgou.common.Result;
import com.changgou.common.StatusCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The ops API's refusals as the {@link Result} envelope with the matching status and a plain message. */
@RestControllerAdvice(assignableTypes = PayOpsController.class)
class OpsErrors {

    @ExceptionHandler(InvalidOpsQueryException.class)
    ResponseEntity<Result<Void>> badQuery(InvalidOpsQueryException e) {
        return ResponseEntity.badRequest().body(Result.error(StatusCode.ERROR, e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Result<Void>> badParameter(MethodArgumentTypeMismatchException e) {
        // Spring's own text quotes the value back: name the parameter only.
        return ResponseEntity.badRequest().body(Result.error(StatusCode.ERROR,
                "parameter %s is not readable: minutes are whole numbers, times ISO-8601 (2026-12-01T10:00:00Z)".formatted(e.getName())));
    }

    @ExceptionHandler(PayRecordNotFoundException.class)
    ResponseEntity<Result<Void>> notFound(PayRecordNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Result.error(StatusCode.NOTFOUNDERROR, e.getMessage()));
    }
}
