package com.changgou.weborder.security;

import com.changgou.security.GatewayTokens;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call web-order.
 *
 * <p>Every page is a shopper's and is reached through the gateway, which sends the gateway's signed
 * token for the signed-in shopper: the pages act on that token's subject and pass the token on to
 * the order and pay services. A bare {@code X-User-Name}, a token of another key, issuer or
 * audience, or an expired one gets 401 and renders nothing. Static assets and webjars (no shopper
 * data) and health and info are open. The ops console ({@code /ops/**}) takes only a token with the
 * {@value #OPERATOR} role: the gateway checks the same before it routes there, and the services
 * check it again on every call the console makes.
 *
 * <p>The forms keep working without Spring Security's CSRF filter: the gateway checks the session's
 * token on every form post before it routes it, and hands the token to the pages on
 * {@code X-Shop-Csrf-Token}. No browser reaches this app directly and it keeps no session or cookie,
 * so a cross-site request has no credential to ride on here.
 */
@Configuration(proxyBeanMethods = false)
@Import(GatewayTokens.class)
public class WebOrderSecurity {

    /** The shop's staff, as the gateway's token names them; the ops console is theirs alone. */
    public static final String OPERATOR = "OPERATOR";

    @Bean
    SecurityFilterChain webOrderFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
            JwtAuthenticationConverter roles) throws Exception {
        JwtDecoder decoder = GatewayTokens.required(decoders);
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Prometheus scrapes from inside: the app listens on BIND_ADDRESS, which no route reaches.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/worder/static/**", "/worder/webjars/**").permitAll()
                        .requestMatchers("/ops", "/ops/**").hasRole(OPERATOR)
                        .anyRequest().hasRole(GatewayTokens.SHOPPER))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roles)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
