package com.changgou.common;

import java.util.function.Function;

/**
 * The response envelope of the suite's JSON APIs, in the shape the seeds' clients expect:
 * {@code {"flag":true,"code":20000,"message":"...","data":...}}.
 */
public record Result<T>(boolean flag, int code, String message, T data) {

    public static <T> Result<T> ok(T data) {
        return new Result<>(true, StatusCode.OK, "OK", data);
    }

    public static <T> Result<T> ok(String message, T data) {
        return new Result<>(true, StatusCode.OK, message, data);
    }

    public static <T> Result<T> error(int code, String message) {
        return new Result<>(false, code, message, null);
    }

    /**
     * The data of a successful result, as a client of a suite API reads it. A missing body, a
     * failure flag or missing data becomes the caller's own exception, made from the reason
     * ({@code "no body"} or the result's message).
     */
    public static <T, X extends RuntimeException> T dataOrThrow(Result<T> result, Function<String, X> failure) {
        if (result == null) {
            throw failure.apply("no body");
        }
        if (!result.flag() || result.data() == null) {
            throw failure.apply(result.message());
        }
        return result.data();
    }
}
