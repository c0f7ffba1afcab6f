package com.changgou.pay.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secrets of the service accounts that may call this app, by account name.
 *
 * @param callers account name to secret; a blank secret leaves that account locked out
 */
@ConfigurationProperties("changgou.security")
record CallerSecrets(@DefaultValue Map<String, String> callers) {

    @Override
    public String toString() {
        return "CallerSecrets[callers=%s]".formatted(callers.keySet());
    }
}
