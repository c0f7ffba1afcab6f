package com.changgou.gateway.security;

import com.changgou.gateway.GatewayProperties;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts failed sign-ins per username in Redis, so every gateway instance sees the same count.
 * The first failure opens a window of {@code lockout}; {@code maxFailures} failures inside it pause
 * the name until the window closes. The key is created with its expiry in one command, so a
 * count can never outlive its window and the pause is always bounded.
 */
@Component
class SignInThrottle {

    private final ReactiveStringRedisTemplate redis;
    private final GatewayProperties.SignIn settings;

    SignInThrottle(ReactiveStringRedisTemplate redis, GatewayProperties properties) {
        this.redis = redis;
        this.settings = properties.signIn();
    }

    Mono<Boolean> paused(String username) {
        return redis.opsForValue().get(key(username))
                .map(count -> Long.parseLong(count) >= settings.maxFailures())
                .defaultIfEmpty(false);
    }

    Mono<Void> failed(String username) {
        String key = key(username);
        return redis.opsForValue().setIfAbsent(key, "0", settings.lockout())
                .then(redis.opsForValue().increment(key))
                .then();
    }

    Mono<Void> succeeded(String username) {
        return redis.delete(key(username)).then();
    }

    Duration lockout() {
        return settings.lockout();
    }

    private String key(String username) {
        return settings.failureKeyPrefix() + username;
    }
}
