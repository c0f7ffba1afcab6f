package com.changgou.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Spring Security's password check, with a bounded pause per username after repeated failures.
 * A paused name is refused before its password is looked at, so guessing stops there.
 */
@Component
class ThrottledSignIn implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final ReactiveAuthenticationManager passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(ShopperAccounts accounts, SignInThrottle throttle) {
        this.passwords = new UserDetailsRepositoryReactiveAuthenticationManager(accounts);
        this.throttle = throttle;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String username = Usernames.normalise(attempt.getName());
        return throttle.paused(username)
                .onErrorMap(e -> new AuthenticationServiceException("the sign-in counter is unavailable", e))
                .flatMap(paused -> paused ? Mono.error(paused(username)) : check(username, attempt));
    }

    private Mono<Authentication> check(String username, Authentication attempt) {
        return passwords.authenticate(attempt)
                .flatMap(signedIn -> throttle.succeeded(username).onErrorComplete().thenReturn(signedIn)
                        .doOnNext(a -> log.info("{} signed in", a.getName())))
                .onErrorResume(BadCredentialsException.class, wrong -> {
                    log.info("failed sign-in for {}", Usernames.forLog(username));
                    return throttle.failed(username).onErrorComplete().then(Mono.error(wrong));
                });
    }

    private LockedException paused(String username) {
        log.warn("sign-in for {} refused: too many failures, paused for {}", Usernames.forLog(username), throttle.lockout());
        return new LockedException("sign-in for %s is paused".formatted(username));
    }
}
