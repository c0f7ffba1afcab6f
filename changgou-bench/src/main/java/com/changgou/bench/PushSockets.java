package com.changgou.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The pages' WebSocket clients: one {@link HttpClient} per shopper, as a shopper's browser has one
 * cookie jar for all its tabs, and not one per page, since each client runs a selector thread of its
 * own. All of them hand their callbacks to one small pool of daemon threads, never shut down: a
 * JDK 17 HttpClient cannot be closed and may still hand it a task while its selector winds down.
 */
final class PushSockets {

    private final ExecutorService callbacks = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), PushSockets::daemon);
    private final Map<Shopper, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClient of(Shopper shopper) {
        return clients.computeIfAbsent(shopper, s -> s.webSocketClient(callbacks));
    }

    /**
     * A client whose cookie jar holds one session cookie for {@code site}'s host: the JDK sends a
     * client's cookies with a WebSocket's opening handshake as with any request, so every upgrade
     * carries the session the way a browser's does. A plain name=value cookie (version 0), as the
     * gateway sets it.
     */
    static HttpClient withSessionCookie(URI site, String name, String value, Executor executor) {
        CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setVersion(0);
        cookie.setPath("/");
        jar.getCookieStore().add(site, cookie);
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(jar)
                .executor(executor)
                .build();
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "bench-push");
        thread.setDaemon(true);
        return thread;
    }
}
