package com.changgou.gateway.security;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Spring Security's view of the user service's accounts. The password hash (BCrypt behind the
 * delegating encoder's {@code {bcrypt}} prefix) is checked here in the gateway by Spring
 * Security; the user service never sees a sign-in attempt.
 */
@Component
class ShopperAccounts implements ReactiveUserDetailsService {

    private final UserAccounts accounts;

    ShopperAccounts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        String name = Usernames.normalise(username);
        if (!Usernames.wellFormed(name)) {
            return Mono.empty();
        }
        return accounts.credentials(name)
                .map(c -> User.withUsername(c.username())
                        .password(c.passwordHash())
                        .roles(c.roles().toArray(String[]::new))
                        .build())
                .onErrorMap(e -> !(e instanceof AuthenticationServiceException),
                        e -> new AuthenticationServiceException("the user service did not answer", e));
    }
}
