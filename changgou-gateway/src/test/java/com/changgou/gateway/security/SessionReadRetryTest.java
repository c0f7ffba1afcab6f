package com.changgou.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCommandTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

class SessionReadRetryTest {

    @Test
    void aSessionReadThatTimedOutIsReadOnceMore() {
        MapSession stored = new MapSession("s1");
        AtomicInteger reads = new AtomicInteger();
        ReactiveSessionRepository<MapSession> sessions = SessionReadRetry.retrying(
                new Scripted(id -> reads.incrementAndGet() == 1 ? Mono.error(new RedisCommandTimeoutException("HGETALL")) : Mono.just(stored)));

        assertThat(sessions.findById("s1").block()).isSameAs(stored);
        assertThat(reads).hasValue(2);
    }

    @Test
    void twoTimeoutsInARowAndOtherFailuresAreNotHidden() {
        AtomicInteger reads = new AtomicInteger();
        ReactiveSessionRepository<MapSession> timingOut = SessionReadRetry.retrying(
                new Scripted(id -> { reads.incrementAndGet(); return Mono.error(new RedisCommandTimeoutException("HGETALL")); }));
        ReactiveSessionRepository<MapSession> failing = SessionReadRetry.retrying(
                new Scripted(id -> Mono.error(new IllegalStateException("not a timeout"))));

        assertThatThrownBy(() -> timingOut.findById("s1").block()).isInstanceOf(RedisCommandTimeoutException.class);
        assertThat(reads).hasValue(2);
        assertThatThrownBy(() -> failing.findById("s1").block()).hasMessage("not a timeout");
    }

    private record Scripted(java.util.function.Function<String, Mono<MapSession>> reads)
            implements ReactiveSessionRepository<MapSession> {
        @Override
        public Mono<MapSession> createSession() {
            return Mono.just(new MapSession());
        }

        @Override
        public Mono<Void> save(MapSession session) {
            return Mono.empty();
        }

        @Override
        public Mono<MapSession> findById(String id) {
            return reads.apply(id);
        }

        @Override
        public Mono<Void> deleteById(String id) {
            return Mono.empty();
        }
    }
}
