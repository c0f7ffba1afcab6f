package com.changgou.pay.security;

import com.changgou.common.InternalApi;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.PayFeign;
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
 * Who may call the pay service.
 *
 * <ul>
 * <li>{@code /internal/pay/wxpay/native} and {@code /status} act for a shopper: they take only the
 * gateway's signed token (forwarded by web-order) and act on its subject. A bare
 * {@code X-User-Name}, a token of another key, issuer or audience, or an expired one gets 401.</li>
 * <li>{@code /internal/pay/wxpay/close} and {@code /refunds} act for no shopper: only the order
 * service's own account ({@value #ORDER_SERVICE}, HTTP Basic) may close a trade, when an order times
 * out, or give money back. A shopper's token there gets 403, no credential 401.</li>
 * <li>{@code /internal/pay/alipay/wap} acts for a shopper like {@code native}.</li>
 * <li>{@code /pay/alipay/notify} is Alipay's: public, no session, no CSRF token; its RSA2 signature over
 * every parameter proves it. {@code GET /pay/alipay/go/*} is the page a phone opens from the QR code: public,
 * it names an open payment by the order's unguessable token and only ever answers a form to Alipay.</li>
 * <li>{@code /pay/wxpay/notify} is WeChat's: public, with no session and no CSRF token, because its
 * signature over every field is what proves it. So is {@code /pay/wxpay/refund/notify}, proved by
 * its details decrypting under the merchant key.</li>
 * <li>{@code /internal/ops/**} is the ops console's: read only, for the gateway's token with the
 * {@value #OPERATOR} role. A shopper's token or a service account gets 403, no credential 401.</li>
 * <li>Health and info are open for Eureka and the orchestrator; everything else is refused.</li>
 * </ul>
 *
 * <p>No browser reaches this app and it keeps no session or cookie, so a cross-site request has no
 * credential to ride on: CSRF protection stays the gateway's job and is off here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallerSecrets.class)
@Import(GatewayTokens.class)
public class PaySecurity {

    static final String ORDER_SERVICE = "changgou-service-order";
    /** The role of the shop's staff in the gateway's token ({@code roles}: ["OPERATOR"]). */
    static final String OPERATOR = "OPERATOR";

    @Bean
    SecurityFilterChain payFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
            JwtAuthenticationConverter roles, CallerSecrets secrets) throws Exception {
        JwtDecoder decoder = GatewayTokens.required(decoders);
        return http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Prometheus scrapes from inside: the app listens on BIND_ADDRESS, which no route reaches.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/pay/wxpay/notify", "/pay/wxpay/refund/notify",
                                "/pay/alipay/notify").permitAll()
                        .requestMatchers(HttpMethod.GET, "/pay/alipay/go/*").permitAll()
                        .requestMatchers(HttpMethod.POST, PayFeign.PATH + "/close", PayFeign.PATH + "/refunds")
                        .hasAuthority(ServiceCallers.authority(ORDER_SERVICE))
                        .requestMatchers(HttpMethod.GET, PayFeign.PATH + "/refunds/*")
                        .hasAuthority(ServiceCallers.authority(ORDER_SERVICE))
                        .requestMatchers(HttpMethod.POST, PayFeign.PATH + "/native").hasRole(GatewayTokens.SHOPPER)
                        .requestMatchers(HttpMethod.GET, PayFeign.PATH + "/status").hasRole(GatewayTokens.SHOPPER)
                        .requestMatchers(HttpMethod.POST, AlipayFeign.PATH + "/wap").hasRole(GatewayTokens.SHOPPER)
                        .requestMatchers(InternalApi.PREFIX + "/ops/**").hasRole(OPERATOR)
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
