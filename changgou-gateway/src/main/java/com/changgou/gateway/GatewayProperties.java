package com.changgou.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's front door.
 *
 * @param home        where a signed-in shopper lands
 * @param userService base URL of the user service ({@code lb://} names resolve through Eureka)
 * @param session     the session cookie; the session itself lives in Redis (Spring Session)
 * @param signIn      how many failed sign-ins a username may have before it is paused, and for how long
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @DefaultValue("/api/worder/shop") String home,
        @DefaultValue("http://changgou-service-user") String userService,
        @DefaultValue Session session,
        @DefaultValue SignIn signIn) {

    /** {@code secureCookie} is on unless the {@code local} profile (plain http on 127.0.0.1) turns it off. */
    public record Session(@DefaultValue("CGSESSION") String cookieName, @DefaultValue("true") boolean secureCookie) {
    }

    public record SignIn(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("5m") Duration lockout,
            @DefaultValue("3s") Duration userServiceTimeout,
            @DefaultValue("changgou:sign-in-failures:") String failureKeyPrefix) {
    }
}
