package com.changgou.order.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A service missing a secret stops at start-up and says which variable to set, rather than run open. */
class MissingSecretsTest {

    @Test
    void withoutTheGatewaysPublicKeyTheServiceRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> GatewayTokens.required(new StaticListableBeanFactory().getBeanProvider(JwtDecoder.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GATEWAY_JWT_PUBLIC_KEY");
    }

    @Test
    void withoutItsOwnPasswordTheOrderServiceRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> new ServiceAccount("changgou-service-order", " "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDER_SERVICE_PASSWORD");
    }
}
