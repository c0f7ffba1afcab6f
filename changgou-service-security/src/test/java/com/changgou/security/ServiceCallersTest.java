package com.changgou.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class ServiceCallersTest {

    static final String SECRET = "a-long-random-secret-0123456789";

    @Test
    void theAccountWithItsSecretHoldsItsOwnAuthorityOnly() {
        Authentication caller = new ServiceCallers(Map.of("changgou-service-order", SECRET))
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("changgou-service-order", SECRET));

        assertThat(caller.isAuthenticated()).isTrue();
        assertThat(caller.getCredentials()).isNull();
        assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("SERVICE_changgou-service-order");
    }

    @Test
    void aWrongSecretOrAnotherAccountIsRefused() {
        ServiceCallers callers = new ServiceCallers(Map.of("changgou-service-order", SECRET));

        assertThatThrownBy(() -> callers.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("changgou-service-order", SECRET + "x")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> callers.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("changgou-gateway", SECRET)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withoutASecretTheAccountIsClosedNotOpen() {
        ServiceCallers callers = new ServiceCallers(Map.of("changgou-service-order", ""));

        assertThatThrownBy(() -> callers.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("changgou-service-order", "")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aShortSecretStopsTheStartWithAPlainReason() {
        assertThatThrownBy(() -> new ServiceCallers(Map.of("changgou-service-order", "short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changgou-service-order").hasMessageContaining("16 characters");
    }
}
