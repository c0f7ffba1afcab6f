package com.changgou.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.security.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;

/** A session's token is signed once and reused while it has at least half its minute left. */
class ShopperTokensTest {

    static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
    static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", null,
            List.of(new SimpleGrantedAuthority("ROLE_SHOPPER"), new SimpleGrantedAuthority("FACTOR_PASSWORD")));

    final MovableClock clock = new MovableClock();
    final WebSession session = new InMemoryWebSessionStore().createWebSession().block();
    final ShopperTokens tokens = tokens(new TokenProperties(TestTokens.privateKey().toString(), Duration.ofSeconds(60), Duration.ofSeconds(30)));

    @Test
    void theTokenNamesTheShopperAndTheirRolesForTheServicesForAMinute() {
        Jwt token = TestTokens.verify(tokens.tokenFor(ALICE, session));

        assertThat(token.getClaimAsString("iss")).isEqualTo("changgou-gateway");
        assertThat(token.getAudience()).containsExactly("changgou-services");
        assertThat(token.getSubject()).isEqualTo("alice");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("SHOPPER");
        assertThat(token.getIssuedAt()).isEqualTo(START);
        assertThat(token.getExpiresAt()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void aTokenWithThirtySecondsLeftIsReusedAndOneWithLessIsSignedAnew() {
        String first = tokens.tokenFor(ALICE, session);

        clock.now = START.plusSeconds(30);
        assertThat(tokens.tokenFor(ALICE, session)).isEqualTo(first);

        clock.now = START.plusSeconds(31);
        String second = tokens.tokenFor(ALICE, session);
        assertThat(second).isNotEqualTo(first);
        assertThat(TestTokens.verify(second).getExpiresAt()).isEqualTo(START.plusSeconds(91));
    }

    @Test
    void aTokenKeptForAnotherNameIsNeverHandedOn() {
        String alices = tokens.tokenFor(ALICE, session);
        Authentication bob = UsernamePasswordAuthenticationToken.authenticated("bob", null,
                List.of(new SimpleGrantedAuthority("ROLE_SHOPPER")));

        String bobs = tokens.tokenFor(bob, session);

        assertThat(bobs).isNotEqualTo(alices);
        assertThat(TestTokens.verify(bobs).getSubject()).isEqualTo("bob");
    }

    @Test
    void withoutAPrivateKeyTheGatewayRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> new TokenProperties("", Duration.ofSeconds(60), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GATEWAY_JWT_PRIVATE_KEY");
        assertThatThrownBy(() -> new ServiceAccount("changgou-gateway", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GATEWAY_SERVICE_PASSWORD");
    }

    private ShopperTokens tokens(TokenProperties properties) {
        ShopperTokens signing = ShopperTokens.signingWith(properties, clock);
        clock.now = START;
        return signing;
    }

    static final class MovableClock extends Clock {
        Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
