package com.changgou.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCommandTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

class SessionCommandRetryTest {

    @Test
    void aSessionReadThatTimedOutIsReadOnceMore() {
        MapSession stored = new MapSession("s1");
        AtomicInteger reads = new AtomicInteger();
        ReactiveSessionRepository<MapSession> sessions = SessionCommandRetry.retrying(
                new Scripted(id -> reads.incrementAndGet() == 1 ? Mono.error(new RedisCommandTimeoutException("HGETALL")) : Mono.just(stored)));

        assertThat(sessions.findById("s1").block()).isSameAs(stored);
        assertThat(reads).hasValue(2);
    }

    /** The save's EXISTS goes through Spring Data's reactive template, which translates Lettuce's timeout. */
    @Test
    void aSessionSaveThatTimedOutIsSentOnceMore() {
        AtomicInteger saves = new AtomicInteger();
        ReactiveSessionRepository<MapSession> sessions = SessionCommandRetry.retrying(new Scripted(id -> Mono.empty()) {
            @Override
            public Mono<Void> save(MapSession session) {
                return saves.incrementAndGet() == 1
                        ? Mono.error(new QueryTimeoutException("Redis command timed out", new RedisCommandTimeoutException("EXISTS")))
                        : Mono.empty();
            }
        });

        sessions.save(new MapSession("s1")).block();
        assertThat(saves).hasValue(2);
    }

    @Test
    void twoTimeoutsInARowAndOtherFailuresAreNotHidden() {
        AtomicInteger reads = new AtomicInteger();
        ReactiveSessionRepository<MapSession> timingOut = SessionCommandRetry.retrying(
                new Scripted(id -> { reads.incrementAndGet(); return Mono.error(new RedisCommandTimeoutException("HGETALL")); }));
        ReactiveSessionRepository<MapSession> failing = SessionCommandRetry.retrying(
                new Scripted(id -> Mono.error(new IllegalStateException("not a timeout"))));

        assertThatThrownBy(() -> timingOut.findById("s1").block()).isInstanceOf(RedisCommandTimeoutException.class);
        assertThat(reads).hasValue(2);
        assertThatThrownBy(() -> failing.findById("s1").block()).hasMessage("not a timeout");
    }

    private static class Scripted implements ReactiveSessionRepository<MapSession> {

        private final java.util.function.Function<String, Mono<MapSession>> reads;

        Scripted(java.util.function.Function<String, Mono<MapSession>> reads) {
            this.reads = reads;
        }

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
