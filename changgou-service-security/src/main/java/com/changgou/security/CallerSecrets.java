package com.changgou.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secrets of the service accounts that may call an app, by account name. The app's filter chain
 * enables these properties and hands them to {@link ServiceCallers}.
 *
 * @param callers account name to secret; a blank secret leaves that account locked out
 */
@ConfigurationProperties("changgou.security")
public record CallerSecrets(@DefaultValue Map<String, String> callers) {

    @Override
    public String toString() {
        return "CallerSecrets[callers=%s]".formatted(callers.keySet());
    }
}
