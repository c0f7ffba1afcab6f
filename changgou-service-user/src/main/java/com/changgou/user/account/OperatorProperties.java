package com.changgou.user.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code user.operator.*}: the ops console's account, made at start-up when both the name and the
 * password are set (OPERATOR_USERNAME, OPERATOR_PASSWORD); there is no default password. Under
 * {@code prod} the password must be at least 12 characters (application-prod.yml), under every
 * profile at least the sign-up rule's 8.
 */
@ConfigurationProperties("user.operator")
record OperatorProperties(String username, String password, @DefaultValue("8") int minPasswordChars) {

    boolean configured() {
        return hasText(username) || hasText(password);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Keeps the password out of any log line or failure message that prints these. */
    @Override
    public String toString() {
        return "OperatorProperties[username=%s, password=<hidden>, minPasswordChars=%d]"
                .formatted(username, minPasswordChars);
    }
}
