package com.changgou.user.web;

import com.changgou.common.Result;
import com.changgou.common.StatusCode;
import com.changgou.user.account.AccountNotFoundException;
import com.changgou.user.account.InvalidSignUpException;
import com.changgou.user.account.UsernameTakenException;
import com.changgou.user.points.OrderPointsNotFoundException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one translation of the user service's failures into HTTP statuses and {@link Result} bodies. */
@RestControllerAdvice
class AccountErrors {

    private static final Logger log = LoggerFactory.getLogger(AccountErrors.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Result<Void>> invalid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> "%s %s".formatted(f.getField(), f.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, "invalid request: " + fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Result<Void>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, "request body is not a readable sign-up");
    }

    @ExceptionHandler(InvalidSignUpException.class)
    ResponseEntity<Result<Void>> rejected(InvalidSignUpException e) {
        return error(HttpStatus.BAD_REQUEST, StatusCode.ERROR, e.getMessage());
    }

    @ExceptionHandler(UsernameTakenException.class)
    ResponseEntity<Result<Void>> taken(UsernameTakenException e) {
        return error(HttpStatus.CONFLICT, StatusCode.REPERROR, e.getMessage());
    }

    @ExceptionHandler(AccountNotFoundException.class)
    ResponseEntity<Result<Void>> notFound(AccountNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, StatusCode.NOTFOUNDERROR, e.getMessage());
    }

    @ExceptionHandler(OrderPointsNotFoundException.class)
    ResponseEntity<Result<Void>> noPoints(OrderPointsNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, StatusCode.NOTFOUNDERROR, e.getMessage());
    }

    /** The database is down or refusing: the caller may retry, and the gateway must not read it as "no such user". */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Result<Void>> database(RuntimeException e) {
        log.warn("database failure: {}", e.getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, StatusCode.REMOTEERROR, "the user service's data is unavailable, try again");
    }

    private static ResponseEntity<Result<Void>> error(HttpStatus status, int code, String message) {
        return ResponseEntity.status(status).body(Result.error(code, message));
    }
}
