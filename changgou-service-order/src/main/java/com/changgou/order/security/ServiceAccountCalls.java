package com.changgou.order.security;

import feign.RequestInterceptor;
import feign.auth.BasicAuthRequestInterceptor;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order service calls the pay service for no shopper (to close a timed-out order's trade, and to
 * submit refunds):
 * it signs those calls with its own account over HTTP Basic. (Its only Feign client is the pay
 * service's, so the interceptor applies to every call it makes.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceAccount.class)
class ServiceAccountCalls {

    @Bean
    RequestInterceptor serviceAccountCredentials(ServiceAccount account) {
        return new BasicAuthRequestInterceptor(account.name(), account.password(), StandardCharsets.UTF_8);
    }
}
