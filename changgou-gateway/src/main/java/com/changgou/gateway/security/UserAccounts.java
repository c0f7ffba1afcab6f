package com.changgou.gateway.security;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import com.changgou.gateway.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The user service's internal API, as the gateway uses it: look up credentials, open an account.
 * The user service answers the gateway's own account only.
 */
@Component
class UserAccounts {

    private static final String ACCOUNTS = InternalApi.PREFIX + "/user/accounts";
    private static final ParameterizedTypeReference<Result<Credentials>> CREDENTIALS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Result<Object>> ANY = new ParameterizedTypeReference<>() {
    };

    private final WebClient client;
    private final Duration timeout;

    /** Every call is the gateway's own, for no shopper: it carries the gateway's service account. */
    UserAccounts(WebClient.Builder loadBalanced, GatewayProperties properties, ServiceAccount account) {
        this.client = loadBalanced.clone().baseUrl(properties.userService())
                .defaultHeaders(headers -> headers.setBasicAuth(account.name(), account.password(), StandardCharsets.UTF_8))
                .build();
        this.timeout = properties.signIn().userServiceTimeout();
    }

    /** What the user service stores for a sign-in check; roles are its role names (SHOPPER, OPERATOR). */
    record Credentials(String username, String passwordHash, List<String> roles) {
    }

    /** The account's credentials; empty when there is no such account. */
    Mono<Credentials> credentials(String username) {
        return client.get().uri(ACCOUNTS + "/{username}/credentials", username)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode() == HttpStatus.NOT_FOUND
                        ? Mono.<Credentials>empty()
                        : body(response, CREDENTIALS).map(Result::data))
                .timeout(timeout);
    }

    /** Opens an account; a refusal carries the user service's reason (name taken, weak password...). */
    Mono<SignUpOutcome> signUp(String username, String password) {
        return client.post().uri(ACCOUNTS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new SignUpRequest(username, password))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().thenReturn(SignUpOutcome.created());
                    }
                    if (response.statusCode().is4xxClientError()) {
                        return response.bodyToMono(ANY)
                                .map(result -> SignUpOutcome.refused(Optional.ofNullable(result.message())
                                        .orElse("the account could not be created")));
                    }
                    return response.createError();
                })
                .timeout(timeout);
    }

    private static <T> Mono<Result<T>> body(ClientResponse response, ParameterizedTypeReference<Result<T>> type) {
        if (!response.statusCode().is2xxSuccessful()) {
            return response.createError();
        }
        return response.bodyToMono(type).filter(Result::flag);
    }

    record SignUpRequest(String username, String password) {
    }

    /** {@code refusal} is null when the account was created. */
    record SignUpOutcome(String refusal) {
        static SignUpOutcome created() {
            return new SignUpOutcome(null);
        }

        static SignUpOutcome refused(String why) {
            return new SignUpOutcome(why);
        }

        boolean isCreated() {
            return refusal == null;
        }
    }
}
