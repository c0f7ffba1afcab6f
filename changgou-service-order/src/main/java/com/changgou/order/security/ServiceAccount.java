package com.changgou.order.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order service's own credential, for the calls it makes for no shopper: refunds, and closing a timed-out
 * order's trade at the pay service. Without a password the service refuses to start, rather than
 * find out at the first timeout.
 *
 * @param name     the account the pay service knows this service by
 * @param password the account's secret ({@code ORDER_SERVICE_PASSWORD}, shared with the pay service)
 */
@ConfigurationProperties("changgou.security.service-account")
record ServiceAccount(@DefaultValue("changgou-service-order") String name, String password) {

    ServiceAccount {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("no password for the order service's account %s: set ORDER_SERVICE_PASSWORD "
                    .formatted(name) + "(changgou.security.service-account.password), the same as the pay service's");
        }
    }

    @Override
    public String toString() {
        return "ServiceAccount[name=%s, password=(hidden)]".formatted(name);
    }
}
