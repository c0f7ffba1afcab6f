package com.changgou.gateway.security;

import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A session command whose Redis reply never came is sent once more before the shopper sees a 500. CI
 * caught it a few times in many runs: one {@code HGETALL} (the read) or {@code EXISTS} (the check
 * that opens every save) timed out after 5 s on a connection that served the commands before and
 * after it at once ({@link StalledRedisReads} has the cause and now ends such a stall within 200 ms;
 * this stays for a reply that is truly lost). Both are safe to repeat: a read,
 * and a save, which checks the session still exists and then writes the same changed attributes
 * again. Creating and deleting are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class SessionCommandRetry {

    @Bean
    static BeanPostProcessor retryTimedOutSessionCommands() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveSessionRepository<?> sessions ? retrying(sessions) : bean;
            }
        };
    }

    static <S extends Session> ReactiveSessionRepository<S> retrying(ReactiveSessionRepository<S> sessions) {
        return new Retrying<>(sessions);
    }

    private record Retrying<S extends Session>(ReactiveSessionRepository<S> sessions) implements ReactiveSessionRepository<S> {

        private static final Logger log = LoggerFactory.getLogger(SessionCommandRetry.class);

        @Override
        public Mono<S> createSession() {
            return sessions.createSession();
        }

        @Override
        public Mono<Void> save(S session) {
            return Mono.defer(() -> sessions.save(session)).retryWhen(onceOnTimeout("save"));
        }

        @Override
        public Mono<S> findById(String id) {
            return Mono.defer(() -> sessions.findById(id)).retryWhen(onceOnTimeout("read"));
        }

        private static Retry onceOnTimeout(String what) {
            return Retry.backoff(1, Duration.ofMillis(50))
                    .filter(Retrying::isTimeout)
                    .doBeforeRetry(signal -> log.warn("session {} timed out at Redis, sending it again: {}",
                            what, signal.failure().getMessage()))
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure());
        }

        /**
         * Lettuce's own timeout, as a read meets it, or Spring Data's translation of it, as a save's
         * {@code EXISTS} through the reactive template does.
         */
        private static boolean isTimeout(Throwable failure) {
            return failure instanceof RedisCommandTimeoutException
                    || failure instanceof QueryTimeoutException && failure.getCause() instanceof RedisCommandTimeoutException;
        }

        @Override
        public Mono<Void> deleteById(String id) {
            return sessions.deleteById(id);
        }
    }
}
