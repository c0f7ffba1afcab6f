package com.changgou.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shopper session of the gateway. {@code secret} signs the session cookie; when it is blank a
 * random one is made at start-up (sessions then do not survive a restart).
 */
@ConfigurationProperties("gateway.session")
public record SessionProperties(
        String secret,
        @DefaultValue("8h") Duration ttl,
        @DefaultValue("CGSESSION") String cookieName,
        @DefaultValue("false") boolean secureCookie,
        @DefaultValue("/api/worder/shop") String home) {
}
