package com.changgou.gateway.session;

import com.changgou.common.StatusCode;
import com.changgou.common.UserHeader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Who the shopper is, for every routed request. The {@code X-User-Name} header a caller sends is
 * always dropped: downstream services trust it, so only a verified session may set it.
 */
@Component
class ShopperAuthenticationFilter implements GlobalFilter, Ordered {

    private static final List<PathPattern> SHOPPER_PATHS = patterns(
            "/api/wxpay", "/api/wxpay/**", "/api/worder/**", "/api/order", "/api/order/**", "/api/pay/**");
    private static final List<PathPattern> PUBLIC_PATHS = patterns(
            "/api/pay/wxpay/notify", "/api/worder/static/**", "/api/worder/webjars/**");
    private static final byte[] UNAUTHORIZED_BODY = ("{\"flag\":false,\"code\":" + StatusCode.LOGINERROR
            + ",\"message\":\"sign in first\",\"data\":null}").getBytes(StandardCharsets.UTF_8);

    private final SessionTokens tokens;
    private final SessionProperties properties;

    ShopperAuthenticationFilter(SessionTokens tokens, SessionProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        Optional<String> shopper = shopper(request);
        if (requiresShopper(path) && shopper.isEmpty()) {
            return refuse(exchange);
        }
        ServerHttpRequest forwarded = request.mutate().headers(headers -> {
            headers.remove(UserHeader.NAME);
            shopper.ifPresent(name -> headers.set(UserHeader.NAME, name));
        }).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    static boolean requiresShopper(PathContainer path) {
        return matches(SHOPPER_PATHS, path) && !matches(PUBLIC_PATHS, path);
    }

    private Optional<String> shopper(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(properties.cookieName());
        return cookie == null ? Optional.empty() : tokens.verify(cookie.getValue());
    }

    private static Mono<Void> refuse(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        if (wantsHtml(request)) {
            String next = request.getURI().getRawPath()
                    + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
            response.setStatusCode(HttpStatus.FOUND);
            response.getHeaders().set(HttpHeaders.LOCATION, LoginRoutes.loginLocation(next));
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(UNAUTHORIZED_BODY)));
    }

    private static boolean wantsHtml(ServerHttpRequest request) {
        return request.getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> patterns(String... patterns) {
        PathPatternParser parser = new PathPatternParser();
        return List.of(patterns).stream().map(parser::parse).toList();
    }

    @Override
    public int getOrder() {
        // before every routing filter, so no request leaves with an unverified name
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
