package com.changgou.gateway.session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Sign-in, sign-out and the front door. These are served by the gateway itself: the router
 * functions are matched before any gateway route.
 */
@Configuration(proxyBeanMethods = false)
class LoginRoutes {

    private static final Logger log = LoggerFactory.getLogger(LoginRoutes.class);

    private final SessionTokens tokens;
    private final SessionProperties properties;

    LoginRoutes(SessionTokens tokens, SessionProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @Bean
    RouterFunction<ServerResponse> loginRouter() {
        return RouterFunctions.route()
                .GET("/", request -> redirect(properties.home()))
                .GET("/login", this::form)
                .POST("/login", this::signIn)
                .GET("/logout", this::signOut)
                .build();
    }

    private Mono<ServerResponse> form(ServerRequest request) {
        String next = safeNext(request.queryParam("next").orElse(null));
        return page(HttpStatus.OK, LoginPage.render(next, null));
    }

    private Mono<ServerResponse> signIn(ServerRequest request) {
        return request.formData().flatMap(form -> signIn(form));
    }

    private Mono<ServerResponse> signIn(MultiValueMap<String, String> form) {
        String username = form.getFirst("username");
        String next = safeNext(form.getFirst("next"));
        if (!SessionTokens.isValidUsername(username)) {
            return page(HttpStatus.BAD_REQUEST,
                    LoginPage.render(next, "A username is 1 to 32 letters, digits, _ or -."));
        }
        log.info("shopper {} signed in", username);
        return ServerResponse.seeOther(URI.create(next)).cookie(cookie(tokens.issue(username), tokens.ttl().toSeconds())).build();
    }

    private Mono<ServerResponse> signOut(ServerRequest request) {
        return ServerResponse.seeOther(URI.create("/login")).cookie(cookie("", 0)).build();
    }

    private ResponseCookie cookie(String value, long maxAgeSeconds) {
        return ResponseCookie.from(properties.cookieName(), value)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(properties.secureCookie())
                .path("/")
                .maxAge(maxAgeSeconds)
                .build();
    }

    /** Only a local absolute path, so the sign-in form cannot be used to send shoppers elsewhere. */
    String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/login") || next.chars().anyMatch(Character::isISOControl)) {
            return properties.home();
        }
        return next;
    }

    private static Mono<ServerResponse> redirect(String location) {
        return ServerResponse.status(HttpStatus.FOUND).location(URI.create(location)).build();
    }

    private static Mono<ServerResponse> page(HttpStatus status, String html) {
        return ServerResponse.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .bodyValue(html);
    }

    static String loginLocation(String pathAndQuery) {
        return UriComponentsBuilder.fromPath("/login").queryParam("next", pathAndQuery).encode().build().toUriString();
    }
}
