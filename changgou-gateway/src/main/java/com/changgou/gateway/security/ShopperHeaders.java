package com.changgou.gateway.security;

import com.changgou.common.CsrfHeader;
import com.changgou.common.UserHeader;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the services behind the gateway may believe: the signed-in shopper's name on
 * {@link UserHeader#NAME} and the session's CSRF token on {@link CsrfHeader#NAME} (for the forms
 * web-order renders). Copies of either header sent from outside are always dropped first.
 */
@Component
class ShopperHeaders implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(principal -> principal instanceof Authentication a && a.isAuthenticated()
                        && !(a instanceof AnonymousAuthenticationToken))
                .flatMap(shopper -> csrfToken(exchange).map(token -> new Vouched(shopper.getName(), token)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(vouched -> chain.filter(exchange.mutate().request(forward(exchange.getRequest(), vouched)).build()));
    }

    private static ServerHttpRequest forward(ServerHttpRequest request, Optional<Vouched> vouched) {
        return request.mutate().headers(headers -> {
            headers.remove(UserHeader.NAME);
            headers.remove(CsrfHeader.NAME);
            vouched.ifPresent(v -> {
                headers.set(UserHeader.NAME, v.username());
                headers.set(CsrfHeader.NAME, v.csrfToken());
            });
        }).build();
    }

    private static Mono<String> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.just("") : token.map(CsrfToken::getToken).defaultIfEmpty("");
    }

    private record Vouched(String username, String csrfToken) {
    }

    @Override
    public int getOrder() {
        // before every routing filter, so no request leaves with an unverified name
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
