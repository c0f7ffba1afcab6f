package com.changgou.order.security;

import com.changgou.order.api.CatalogueFeign;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.security.GatewayTokens;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the order service.
 *
 * <p>Its API ({@code /internal/order/**}, {@code /internal/catalogue}) serves shoppers only, through
 * the apps that render their pages and take their payments (web-order, pay). Each call carries the
 * gateway's signed token for the shopper, forwarded by the caller, and acts on that token's subject:
 * a port reached directly with a bare {@code X-User-Name}, a token of another key, issuer or
 * audience, or an expired one, gets 401 and changes nothing. Health and info stay open for Eureka
 * and the orchestrator; any other path is refused.
 *
 * <p>One call is staff's, not a shopper's: an operator's refund ({@code POST /internal/order/{id}/refunds})
 * takes a gateway token with the {@value #OPERATOR} role in its {@code roles} claim, and acts for its
 * subject; a shopper's token there is a 403. The ops console's API ({@code /internal/ops/order/**}) takes the same role:
 * an operator's story of any order, the dead letters and the refunds that need a person.
 *
 * <p>No browser reaches this app and it keeps no session or cookie, so a cross-site request has no
 * credential to ride on: CSRF protection stays the gateway's job and is off here.
 */
@Configuration(proxyBeanMethods = false)
@Import(GatewayTokens.class)
public class OrderSecurity {

    /** The role of the shop's staff in the gateway's token ({@code roles}: ["OPERATOR"]). */
    public static final String OPERATOR = "OPERATOR";

    @Bean
    SecurityFilterChain orderFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
            JwtAuthenticationConverter roles) throws Exception {
        JwtDecoder decoder = GatewayTokens.required(decoders);
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Prometheus scrapes from inside: the app listens on BIND_ADDRESS, which no route reaches.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, OrderFeign.PATH + "/*/refunds").hasRole(OPERATOR)
                        .requestMatchers(OrderOpsFeign.PATH, OrderOpsFeign.PATH + "/**").hasRole(OPERATOR)
                        .requestMatchers(OrderFeign.PATH, OrderFeign.PATH + "/**", CatalogueFeign.PATH)
                        .hasRole(GatewayTokens.SHOPPER)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roles)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
