package com.changgou.common;

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
}
