package com.changgou.gateway.security;

import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A test class's gateway keys in the machine's Redis (sessions and sign-in failures), under a prefix
 * of its own so that classes running side by side never meet, and removed afterwards.
 */
public final class TestRedisKeys {

    private final String prefix = "changgou-test:" + UUID.randomUUID() + ":";

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.session.data.redis.namespace", () -> prefix + "session");
        registry.add("gateway.sign-in.failure-key-prefix", this::failurePrefix);
    }

    /** The same settings as command-line arguments, for a gateway started by hand. */
    public List<String> arguments() {
        return List.of("--spring.session.data.redis.namespace=" + prefix + "session",
                "--gateway.sign-in.failure-key-prefix=" + failurePrefix());
    }

    public String failurePrefix() {
        return prefix + "failures:";
    }

    public void removeAll(ReactiveStringRedisTemplate redis) {
        remove(redis, prefix + "*");
    }

    public void removeFailures(ReactiveStringRedisTemplate redis) {
        remove(redis, failurePrefix() + "*");
    }

    private static void remove(ReactiveStringRedisTemplate redis, String pattern) {
        redis.scan(ScanOptions.scanOptions().match(pattern).build()).flatMap(redis::delete).blockLast();
    }
}
