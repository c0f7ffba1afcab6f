package com.changgou.security;

import static org.assertj.core.api.Assertions.assertThat;

import feign.RequestTemplate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class ForwardGatewayTokenTest {

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCallMadeForAShopperCarriesTheGatewaysTokenItCameWith() {
        Jwt token = Jwt.withTokenValue("the.gateway.token").header("alg", "RS256").subject("carol")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
        RequestTemplate call = new RequestTemplate();
        call.header("Authorization", "Bearer something-else");

        new ForwardGatewayToken().apply(call);

        assertThat(call.headers().get("Authorization")).containsExactly("Bearer the.gateway.token");
    }

    @Test
    void aServiceAccountsCredentialIsNeverPassedOn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "changgou-service-order", null, List.of(new SimpleGrantedAuthority("SERVICE_changgou-service-order"))));
        RequestTemplate call = new RequestTemplate();

        new ForwardGatewayToken().apply(call);

        assertThat(call.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void outsideAShoppersRequestNothingIsAdded() {
        RequestTemplate call = new RequestTemplate();

        new ForwardGatewayToken().apply(call);

        assertThat(call.headers()).doesNotContainKey("Authorization");
    }
}
