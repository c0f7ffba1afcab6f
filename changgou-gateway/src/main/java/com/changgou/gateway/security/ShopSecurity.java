package com.changgou.gateway.security;

import com.changgou.common.StatusCode;
import com.changgou.gateway.GatewayProperties;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * Who may come through the door. Shoppers sign in with a password (Spring Security's form login,
 * checked by {@link ThrottledSignIn}); the session lives in Redis through Spring Session, so it
 * survives a gateway restart and is shared by every gateway instance. Every state-changing
 * request carries the session's CSRF token. Paths with {@code ..}, {@code ;} or encoded
 * dots and slashes are refused by Spring Security's strict firewall before anything else runs.
 *
 * <p>Machines have a door of their own ({@link #machineFilterChain}): the notifications WeChat's and
 * Alipay's servers post, and the page a phone opens from an Alipay QR code. They are checked in the
 * pay service (a payment's by its signature, a refund's by decrypting it), never by a session, so that
 * chain does not read one: a shopper's cookie sent along is not looked up, nobody is vouched for to
 * pay, and no notification waits on Redis (or moves to another thread for it).
 *
 * <p>Behind the door nobody takes a caller's word: a routed request of a signed-in shopper carries
 * the gateway's short-lived signed token for that shopper ({@link ShopperHeaders}), and whatever
 * {@code Authorization} or {@code X-User-Name} a caller sent is dropped, so the services act only on
 * what the gateway signed. The gateway's own calls to the user service carry its service account.
 *
 * <p>Operators are accounts with the {@value #OPERATOR} role (the user service says which); only they
 * reach the ops console under {@code /api/ops}, and web-order checks the role again on the token.
 * The actuator is not part of the door: it answers on the management port only.
 */
@Configuration(proxyBeanMethods = false)
class ShopSecurity {

    /** The paths WeChat's server posts to (payments, refunds); they reach the pay service without a shopper. */
    static final String WECHAT_NOTIFY = "/api/pay/wxpay/notify";
    static final String WECHAT_REFUND_NOTIFY = "/api/pay/wxpay/refund/notify";
    /** Alipay's server posts here; checked by its RSA2 signature in the pay service. */
    static final String ALIPAY_NOTIFY = "/api/pay/alipay/notify";
    /**
     * The merchant's own URL a phone opens from the Alipay QR code: no session there (the phone is not
     * signed in); the opaque token in the path names one open payment, which the page can only pay.
     */
    static final String ALIPAY_GO = "/api/pay/alipay/go/*";
    static final String SHOPPER = "SHOPPER";
    /** The shop's staff; the user service names the role, the gateway's token carries it on. */
    static final String OPERATOR = "OPERATOR";
    /** The ops console (web-order's operator pages): operators only, shoppers get 403. */
    static final String[] OPS = {"/api/ops", "/api/ops/**"};

    private static final byte[] SIGN_IN_FIRST = ("{\"flag\":false,\"code\":" + StatusCode.LOGINERROR
            + ",\"message\":\"sign in first\",\"data\":null}").getBytes(StandardCharsets.UTF_8);

    /**
     * The machines' door, ahead of the shop's: every request it matches is let through to the pay
     * service as nobody. No session is read or written (the security context is never stored), no
     * CSRF token is asked for (there is no session it could belong to), and nothing is kept to replay
     * after a sign-in. Any other method or path falls through to {@link #shopFilterChain}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain machineFilterChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(new OrServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, WECHAT_NOTIFY, WECHAT_REFUND_NOTIFY,
                                ALIPAY_NOTIFY),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, ALIPAY_GO)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }

    @Bean
    SecurityWebFilterChain shopFilterChain(ServerHttpSecurity http, ThrottledSignIn signIn) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/", "/login", "/signup").permitAll()
                        .pathMatchers("/api/worder/static/**", "/api/worder/webjars/**").permitAll()
                        // Only on the management port, which listens inside (application.yml): the
                        // scrape and ./changgou's health check. The public port serves no actuator at all.
                        .matchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .pathMatchers("/actuator", "/actuator/**").denyAll()
                        .pathMatchers(OPS).hasRole(OPERATOR)
                        .pathMatchers("/api/worder/**", "/api/wxpay", "/api/wxpay/**").hasRole(SHOPPER)
                        // Deny by default: a route added later is for signed-in users until listed above.
                        .anyExchange().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationManager(signIn)
                        .authenticationFailureHandler(signInFailures()))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessHandler(endSessionThenRedirect(SignInPages.Notice.SIGNED_OUT.location())))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .build();
    }

    /** Pages go to the sign-in form (and back where they were afterwards); JSON gets a 401 it can read. */
    private static ServerAuthenticationEntryPoint entryPoint() {
        MediaTypeServerWebExchangeMatcher pages = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(pages, new RedirectServerAuthenticationEntryPoint("/login")));
        entryPoint.setDefaultEntryPoint((exchange, e) -> {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(SIGN_IN_FIRST)));
        });
        return entryPoint;
    }

    /** Each kind of failure has its own plain sentence on the sign-in page. */
    private static ServerAuthenticationFailureHandler signInFailures() {
        var paused = new RedirectServerAuthenticationFailureHandler(SignInPages.Notice.PAUSED.location());
        var unavailable = new RedirectServerAuthenticationFailureHandler(SignInPages.Notice.UNAVAILABLE.location());
        var wrong = new RedirectServerAuthenticationFailureHandler(SignInPages.Notice.WRONG.location());
        return (filterExchange, e) -> {
            if (e instanceof LockedException) {
                return paused.onAuthenticationFailure(filterExchange, e);
            }
            return e instanceof AuthenticationServiceException
                    ? unavailable.onAuthenticationFailure(filterExchange, e)
                    : wrong.onAuthenticationFailure(filterExchange, e);
        };
    }

    /**
     * Besides forgetting the shopper (Spring Security's logout handlers), the session itself ends
     * in Redis, so a copied cookie is worth nothing afterwards. It ends here, after those handlers,
     * because the CSRF handler among them still writes to the session.
     */
    private static ServerLogoutSuccessHandler endSessionThenRedirect(String location) {
        RedirectServerLogoutSuccessHandler redirect = new RedirectServerLogoutSuccessHandler();
        redirect.setLogoutSuccessUrl(URI.create(location));
        return (exchange, authentication) -> exchange.getExchange().getSession()
                .flatMap(WebSession::invalidate)
                .then(redirect.onLogoutSuccess(exchange, authentication));
    }

    /**
     * The session cookie: HttpOnly, SameSite=Lax (a cross-site form post arrives without it), and
     * Secure unless the local profile runs plain http.
     */
    @Bean
    WebSessionIdResolver sessionCookie(GatewayProperties properties) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(properties.session().cookieName());
        resolver.addCookieInitializer(cookie -> cookie
                .path("/")
                .httpOnly(true)
                .sameSite("Lax")
                .secure(properties.session().secureCookie()));
        return resolver;
    }

    @Bean
    @LoadBalanced
    WebClient.Builder loadBalancedWebClient(ObjectProvider<ObservationRegistry> observations) {
        // Observed, so the sign-in's calls to the user service carry the request's trace.
        return WebClient.builder().observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
