package com.changgou.weborder.web;

import com.changgou.weborder.WebOrderProperties;

/**
 * How a page's script follows {@code paynotify} over Web STOMP (static/js/push.js). A blank {@code url}
 * means {@code path} on the page's own origin, ws or wss as the page; {@code script} is the STOMP
 * client the page loads.
 */
public record StompSettings(String url, String path, String login, String passcode, String vhost, String destination,
        String script) {

    static final String STOMP_SCRIPT = "stomp-websocket/stomp.min.js";

    public static StompSettings of(WebOrderProperties properties, Links links) {
        WebOrderProperties.WebStomp stomp = properties.webStomp();
        return new StompSettings(stomp.url() == null ? "" : stomp.url(), links.push(), stomp.login(), stomp.passcode(),
                stomp.vhost(), stomp.destination(), links.webjar(STOMP_SCRIPT));
    }
}
