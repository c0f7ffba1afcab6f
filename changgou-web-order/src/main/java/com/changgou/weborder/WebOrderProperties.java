package com.changgou.weborder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pages reach the world. {@code publicBase} is the gateway prefix every link starts with
 * (the browser never talks to web-order directly); {@code sandboxPublicUrl} is where a shopper's
 * "phone" opens the sandbox; {@code webStomp} is how the wxpay page follows {@code paynotify}: it subscribes to
 * {@code webStomp.destination} + "/" + its payment's token (a topic exchange bound to the fanout). A
 * blank {@code webStomp.url} means the gateway's push route on the page's own origin
 * ({@code ws(s)://<page host>/api/wxpay/push}, proxied to Web STOMP), so the broker's ports stay
 * inside; a URL set there is used as it is.
 */
@ConfigurationProperties("weborder")
public record WebOrderProperties(
        @DefaultValue("/api") String publicBase,
        @DefaultValue("/logout") String logoutUrl,
        @DefaultValue("http://127.0.0.1:9090") String sandboxPublicUrl,
        @DefaultValue WebStomp webStomp) {

    public record WebStomp(
            String url,
            @DefaultValue("webguest") String login,
            @DefaultValue("webguest") String passcode,
            @DefaultValue("/") String vhost,
            @DefaultValue("/exchange/paynotify.token") String destination) {
    }
}
