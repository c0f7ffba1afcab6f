package com.changgou.security;

import java.time.Duration;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.util.StringUtils;

/**
 * What a service behind the gateway takes as the gateway's word about a shopper: a JWT whose RS256
 * signature Boot's decoder checks against the gateway's public key
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), issued by the gateway
 * for the services, naming a subject, and not expired. Its {@code roles} claim becomes
 * {@code ROLE_*} authorities. The validators below are added to Boot's decoder.
 *
 * <p>A service's own filter chain imports this class and passes its decoder through
 * {@link #required(ObjectProvider)}.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayTokens {

    public static final String ISSUER = "changgou-gateway";
    public static final String AUDIENCE = "changgou-services";
    public static final String SHOPPER = "SHOPPER";
    /** The gateway's tokens live 60 s; a clock a little off must not double that (Spring's default skew is 60 s). */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(10);
    public static final String MISSING_KEY = "the gateway's public key cannot be read: set GATEWAY_JWT_PUBLIC_KEY to the path "
            + "of its PEM file (spring.security.oauth2.resourceserver.jwt.public-key-location)";

    /** Expiry is required: Spring accepts a token without {@code exp} unless told otherwise. */
    @Bean
    OAuth2TokenValidator<Jwt> gatewayTokenLifetime() {
        JwtTimestampValidator lifetime = new JwtTimestampValidator(CLOCK_SKEW);
        lifetime.setAllowEmptyExpiryClaim(false);
        return lifetime;
    }

    @Bean
    OAuth2TokenValidator<Jwt> gatewayTokenClaims() {
        return new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(ISSUER), new JwtAudienceValidator(AUDIENCE),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText));
    }

    @Bean
    JwtAuthenticationConverter gatewayTokenRoles() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /** Without the gateway's public key a service must not start: it could tell no shopper from another. */
    public static JwtDecoder required(ObjectProvider<JwtDecoder> decoders) {
        JwtDecoder decoder;
        try {
            decoder = decoders.getIfAvailable();
        } catch (BeansException e) {
            throw new IllegalStateException(MISSING_KEY + ": " + NestedExceptionUtils.getMostSpecificCause(e).getMessage(), e);
        }
        if (decoder == null) {
            throw new IllegalStateException(MISSING_KEY);
        }
        return decoder;
    }
}
