package com.changgou.order.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A service missing a secret stops at start-up and says which variable to set, rather than run open.
 * (Without the gateway's public key it stops too: {@code GatewayTokensTest}, in changgou-service-security.)
 */
class MissingSecretsTest {

    @Test
    void withoutItsOwnPasswordTheOrderServiceRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> new ServiceAccount("changgou-service-order", " "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDER_SERVICE_PASSWORD");
    }
}
