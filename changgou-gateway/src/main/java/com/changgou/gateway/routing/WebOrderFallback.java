package com.changgou.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Where the web-order route's circuit breaker forwards a failed call: a plain message, and a
 * status that says what happened. An open breaker (or web-order unreachable) is a 503 at once; a
 * timeout stays a 504, so shoppers and monitoring can tell a slow web-order from a down one.
 * Reached only by that forward: asked for directly, it does not exist.
 */
@Configuration(proxyBeanMethods = false)
class WebOrderFallback {

    private static final Logger log = LoggerFactory.getLogger(WebOrderFallback.class);

    static final String PATH = "/gateway/fallback/web-order";

    @Bean
    RouterFunction<ServerResponse> webOrderFallbackRoute() {
        return RouterFunctions.route().path(PATH, builder -> builder.route(request -> true, WebOrderFallback::answer))
                .build();
    }

    private static Mono<ServerResponse> answer(ServerRequest request) {
        Optional<Object> failure = request.attribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure.isEmpty()) {
            return ServerResponse.notFound().build();
        }
        Throwable cause = (Throwable) failure.get();
        if (!(cause instanceof CallNotPermittedException)) {
            // what made the breaker count a failure: an operator's first question when shoppers get 503s
            log.warn("{} {} through the web-order route failed: {}", request.method(), request.path(), cause.toString());
        }
        return timedOut(cause)
                ? plain(HttpStatus.GATEWAY_TIMEOUT, "The shop did not answer in time. Please try again.")
                : plain(HttpStatus.SERVICE_UNAVAILABLE, "The shop is unavailable for a moment. Please try again shortly.");
    }

    private static boolean timedOut(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return false;
        }
        return failure instanceof TimeoutException
                || failure instanceof ResponseStatusException status && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    }

    private static Mono<ServerResponse> plain(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).bodyValue(message);
    }
}
