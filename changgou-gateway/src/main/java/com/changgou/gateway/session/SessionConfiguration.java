package com.changgou.gateway.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    SessionTokens sessionTokens(SessionProperties properties) {
        return new SessionTokens(secret(properties), properties.ttl(), Clock.systemUTC());
    }

    private static byte[] secret(SessionProperties properties) {
        if (properties.secret() != null && !properties.secret().isBlank()) {
            return properties.secret().getBytes(StandardCharsets.UTF_8);
        }
        log.warn("GATEWAY_TOKEN_SECRET is not set: using a random session secret; "
                + "shopper sessions will not survive a restart of the gateway");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
