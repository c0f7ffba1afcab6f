package com.changgou.weborder.ops;

import com.changgou.common.Result;
import feign.FeignException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call to the order or pay service for the console, its failure told plainly: what the service
 * refused and why (400, 409: its own reason from the {@code Result} envelope), what it does not
 * know (404), that it does not take the caller as an operator (401, 403), or that it is down
 * (connection refused and time-outs arrive with status -1; no instance is a 503 of the load balancer).
 */
final class RemoteCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The most of a service's own reason the console shows. */
    private static final int MAX_REASON = 300;

    private RemoteCalls() {
    }

    /**
     * The data of the call's result. {@code service} names the service in messages ("order"),
     * {@code subject} what was asked about ("order 186…", "dead letter 12").
     */
    static <T> T call(String service, String subject, Supplier<Result<T>> call) {
        Result<T> result;
        try {
            result = call.get();
        } catch (FeignException e) {
            throw failure(service, subject, e);
        }
        return Result.dataOrThrow(result, why -> new OpsFailure(HttpStatus.BAD_GATEWAY,
                "The %s service answered about %s without data: %s".formatted(service, subject, why)));
    }

    static OpsFailure failure(String service, String subject, FeignException e) {
        String reason = reasonOf(e);
        return switch (e.status()) {
            case 400 -> new OpsFailure(HttpStatus.BAD_REQUEST, "The %s service refused: %s"
                    .formatted(service, reason == null ? "the request was not understood" : reason), e);
            case 404 -> new OpsFailure(HttpStatus.NOT_FOUND, "The %s service knows of no %s.".formatted(service, subject), e);
            case 409 -> new OpsFailure(HttpStatus.CONFLICT, reason == null
                    ? "The %s service will not do that to %s in its present state.".formatted(service, subject) : reason, e);
            case 401, 403 -> new OpsFailure(HttpStatus.FORBIDDEN,
                    "The %s service does not take you as an operator.".formatted(service), e);
            default -> new OpsFailure(HttpStatus.SERVICE_UNAVAILABLE, "The %s service is unavailable (%s). Try again shortly."
                    .formatted(service, e.status() < 0 ? "no answer" : "status " + e.status()), e);
        };
    }

    private static String reasonOf(FeignException e) {
        String body = e.contentUTF8();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            String message = JSON.readValue(body, Result.class).message();
            if (message == null || message.isBlank()) {
                return null;
            }
            return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "…";
        } catch (JacksonException unreadable) {
            return null;
        }
    }
}
