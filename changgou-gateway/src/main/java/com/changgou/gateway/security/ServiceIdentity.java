package com.changgou.gateway.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the services behind the gateway know who is calling. For a signed-in shopper the gateway
 * signs a short-lived token ({@link ShopperTokens}, sent on by {@link ShopperHeaders}); for its own
 * calls to the user service it uses its service account ({@link ServiceAccount}, sent by
 * {@link UserAccounts}). Both secrets are required: without either the gateway does not start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TokenProperties.class, ServiceAccount.class})
class ServiceIdentity {

    @Bean
    ShopperTokens shopperTokens(TokenProperties properties) {
        return ShopperTokens.signingWith(properties, Clock.systemUTC());
    }
}
