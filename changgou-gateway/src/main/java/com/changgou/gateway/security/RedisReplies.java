package com.changgou.gateway.security;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sessions and sign-in counters share one Lettuce connection. By default a reply is handed on from
 * that connection's I/O thread, so whatever a request does next (checking CSRF, signing the
 * shopper's token, routing) runs there and holds up the replies every other request is waiting
 * for; under load a session read then times out and the shopper gets a 500. Handing replies on
 * from Lettuce's worker threads keeps the connection reading.
 */
@Configuration(proxyBeanMethods = false)
class RedisReplies {

    @Bean
    LettuceClientOptionsBuilderCustomizer publishRedisRepliesOffTheIoThread() {
        return options -> options.publishOnScheduler(true);
    }
}
