package com.changgou.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own credential for the user service's account API, which it calls for no shopper
 * (to look up a hash at sign-in, to open an account at sign-up). Without a password the gateway
 * refuses to start, rather than find out at the first sign-in.
 *
 * @param name     the account the user service knows the gateway by
 * @param password the account's secret ({@code GATEWAY_SERVICE_PASSWORD}, shared with the user service)
 */
@ConfigurationProperties("changgou.security.service-account")
record ServiceAccount(@DefaultValue("changgou-gateway") String name, String password) {

    ServiceAccount {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("no password for the gateway's account %s: set GATEWAY_SERVICE_PASSWORD "
                    .formatted(name) + "(changgou.security.service-account.password), the same as the user service's");
        }
    }

    @Override
    public String toString() {
        return "ServiceAccount[name=%s, password=(hidden)]".formatted(name);
    }
}
