package com.changgou.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class GatewayTokensTest {

    @Test
    void withoutTheGatewaysPublicKeyTheServiceRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> GatewayTokens.required(new StaticListableBeanFactory().getBeanProvider(JwtDecoder.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GATEWAY_JWT_PUBLIC_KEY");
    }
}
