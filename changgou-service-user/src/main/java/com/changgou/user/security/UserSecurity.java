package com.changgou.user.security;

import com.changgou.security.CallerSecrets;
import com.changgou.security.GatewayTokens;
import com.changgou.security.ServiceCallers;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the user service.
 *
 * <p>Its account API ({@code /internal/user/accounts/**}: password hashes for sign-in, new
 * accounts) serves the gateway alone, which signs shoppers in and up; it calls with its own
 * account ({@value #GATEWAY}, HTTP Basic). Nobody acts for a shopper there, so a shopper's token,
 * even a valid one, gets 403; no credential or a wrong one gets 401. Health and info are open for
 * Eureka and the orchestrator; everything else is refused.
 *
 * <p>The shopper's points ({@code /internal/user/points/**}) are read for the shopper alone, through
 * the app that renders their pages (web-order), which forwards the gateway's signed token: they act on
 * the token's subject ({@code @Shopper}). The gateway's own account has no shopper and gets 403 there;
 * a token of another key, issuer or audience, or an expired one, gets 401. The token's rules
 * ({@link GatewayTokens}) also tell a shopper's call to the account API 403 (who you are is known,
 * and may not) rather than 401.
 *
 * <p>No browser reaches this app and it keeps no session or cookie, so a cross-site request has no
 * credential to ride on: CSRF protection stays the gateway's job and is off here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallerSecrets.class)
@Import(GatewayTokens.class)
public class UserSecurity {

    static final String GATEWAY = "changgou-gateway";
    static final String POINTS = "/internal/user/points";

    @Bean
    SecurityFilterChain userFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
            JwtAuthenticationConverter roles, CallerSecrets secrets) throws Exception {
        JwtDecoder decoder = GatewayTokens.required(decoders);
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Prometheus scrapes from inside: the app listens on BIND_ADDRESS, which no route reaches.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/internal/user/accounts", "/internal/user/accounts/**")
                        .hasAuthority(ServiceCallers.authority(GATEWAY))
                        .requestMatchers(HttpMethod.GET, POINTS, POINTS + "/**").hasRole(GatewayTokens.SHOPPER)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roles)))
                .httpBasic(Customizer.withDefaults())
                .authenticationProvider(new ServiceCallers(secrets.callers()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
