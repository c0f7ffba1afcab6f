package com.changgou.gateway.security;

import com.changgou.common.CsrfHeader;
import com.changgou.common.UserHeader;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the services behind the gateway may believe: the gateway's signed token for the signed-in
 * shopper on {@code Authorization: Bearer} (see {@link ShopperTokens}) and the session's CSRF token
 * on {@link CsrfHeader#NAME} (for the forms web-order renders). Whatever a caller sent on
 * {@code Authorization}, {@link CsrfHeader#NAME} or the retired {@link UserHeader#NAME} is always
 * dropped first. Both are vouched only to the suite's own services (routes to {@code lb://}
 * names), never to anything else a route may lead to; nor does the shopper's {@code Cookie} (the
 * session) go there.
 *
 * <p>One copy of the request for all of it: each change of a request's headers copies them all, and a
 * WebSocket keeps its upgrade request for as long as the page stays open. The push route's three
 * {@code RemoveRequestHeader} filters made three more copies: 6 of the 55 KB the gateway held per open
 * wxpay page (docs/bench/profile.md, section 8).
 */
@Component
class ShopperHeaders implements GlobalFilter, Ordered {

    private static final String SUITE_SERVICE_SCHEME = "lb";

    private final ShopperTokens tokens;

    ShopperHeaders(ShopperTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(principal -> toSuiteService(exchange))
                .filter(principal -> principal instanceof Authentication a && a.isAuthenticated()
                        && !(a instanceof AnonymousAuthenticationToken))
                .cast(Authentication.class)
                .flatMap(shopper -> exchange.getSession()
                        .map(session -> tokens.tokenFor(shopper, session))
                        .zipWith(csrfToken(exchange), Vouched::new))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(vouched -> chain.filter(exchange.mutate()
                        .request(forward(exchange.getRequest(), vouched, toSuiteService(exchange))).build()));
    }

    private static boolean toSuiteService(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && SUITE_SERVICE_SCHEME.equalsIgnoreCase(route.getUri().getScheme());
    }

    private static ServerHttpRequest forward(ServerHttpRequest request, Optional<Vouched> vouched, boolean toSuite) {
        return request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.remove(UserHeader.NAME);
            headers.remove(CsrfHeader.NAME);
            if (!toSuite) {
                headers.remove(HttpHeaders.COOKIE);
            }
            vouched.ifPresent(v -> {
                headers.setBearerAuth(v.token());
                headers.set(CsrfHeader.NAME, v.csrfToken());
            });
        }).build();
    }

    private static Mono<String> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.just("") : token.map(CsrfToken::getToken).defaultIfEmpty("");
    }

    private record Vouched(String token, String csrfToken) {
    }

    @Override
    public int getOrder() {
        // before every routing filter, so no request leaves with a caller's own credential
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
