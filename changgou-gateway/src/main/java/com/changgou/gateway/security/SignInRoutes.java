package com.changgou.gateway.security;

import com.changgou.gateway.GatewayProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The pages the gateway serves itself: the front door, the sign-in form (Spring Security's form
 * login reads its POST) and sign-up. Router functions match before any gateway route. CSRF is
 * checked by Spring Security before these handlers run; they only put the token in the forms.
 */
@Configuration(proxyBeanMethods = false)
class SignInRoutes {

    private static final Logger log = LoggerFactory.getLogger(SignInRoutes.class);

    private final UserAccounts accounts;
    private final GatewayProperties properties;

    SignInRoutes(UserAccounts accounts, GatewayProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Bean
    RouterFunction<ServerResponse> signInRouter() {
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.status(HttpStatus.FOUND).location(URI.create(properties.home())).build())
                .GET("/login", this::signInForm)
                .GET("/signup", request -> csrf(request).flatMap(token -> page(HttpStatus.OK, SignInPages.signUp(token, null, null))))
                .POST("/signup", this::signUp)
                .build();
    }

    private Mono<ServerResponse> signInForm(ServerRequest request) {
        SignInPages.Notice notice = SignInPages.Notice.of(name -> request.queryParam(name).isPresent());
        return csrf(request).flatMap(token -> page(HttpStatus.OK,
                SignInPages.signIn(token, notice, properties.signIn().lockout())));
    }

    private Mono<ServerResponse> signUp(ServerRequest request) {
        return request.formData().zipWith(csrf(request)).flatMap(formAndToken -> {
            MultiValueMap<String, String> form = formAndToken.getT1();
            CsrfToken token = formAndToken.getT2();
            String username = Usernames.normalise(form.getFirst("username"));
            String password = Objects.requireNonNullElse(form.getFirst("password"), "");
            if (!Usernames.wellFormed(username)) {
                return refused(token, username, "A username is 3 to 32 letters, digits, _ or -.");
            }
            if (!password.equals(form.getFirst("confirm"))) {
                return refused(token, username, "The two passwords differ.");
            }
            return accounts.signUp(username, password)
                    .flatMap(outcome -> outcome.isCreated()
                            ? created(username)
                            : refused(token, username, outcome.refusal()))
                    .onErrorResume(e -> {
                        log.warn("sign-up of {} failed: {}", username, e.toString());
                        return page(HttpStatus.SERVICE_UNAVAILABLE, SignInPages.signUp(token, username,
                                "Accounts are unavailable right now. Please try again in a moment."));
                    });
        });
    }

    private static Mono<ServerResponse> created(String username) {
        log.info("account {} signed up", username);
        return ServerResponse.seeOther(URI.create(SignInPages.Notice.SIGNED_UP.location())).build();
    }

    private static Mono<ServerResponse> refused(CsrfToken token, String username, String why) {
        return page(HttpStatus.BAD_REQUEST, SignInPages.signUp(token, username, why));
    }

    /** Spring Security's CsrfWebFilter leaves the (lazily saved) token of this session on the exchange. */
    private static Mono<CsrfToken> csrf(ServerRequest request) {
        Mono<CsrfToken> token = request.exchange().getAttribute(CsrfToken.class.getName());
        return Objects.requireNonNull(token, "no CSRF token on the exchange: is Spring Security's CSRF filter on?");
    }

    private static Mono<ServerResponse> page(HttpStatus status, String html) {
        return ServerResponse.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .bodyValue(html);
    }
}
