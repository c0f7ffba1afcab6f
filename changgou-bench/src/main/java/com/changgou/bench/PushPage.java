package com.changgou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;

/**
 * One open wxpay page: a WebSocket and STOMP session of its own, subscribed once, waiting for the
 * frame that carries its payment's token. Every MESSAGE frame it receives is counted, its own or not,
 * into the count its mode keeps for all its pages.
 */
final class PushPage {

    private static final long NOT_YET = Long.MIN_VALUE;

    private final String token;
    private final LongAdder frames;
    private final AtomicInteger arrivals;
    private volatile long arrivedNanos = NOT_YET;
    private volatile StompClient stomp;

    /** A page for the payment with {@code token}; {@code frames} and {@code arrivals} are shared by its mode's pages. */
    PushPage(String token, LongAdder frames, AtomicInteger arrivals) {
        this.token = token;
        this.frames = frames;
        this.arrivals = arrivals;
    }

    String token() {
        return token;
    }

    /** Connects through {@code http} and subscribes to {@code destination}; completes once the broker has the subscription. */
    CompletableFuture<PushPage> open(HttpClient http, URI url, StompClient.Login login, String destination) {
        return StompClient.connect(http, url, login, this::receive).thenCompose(client -> {
            stomp = client;
            return client.subscribe(destination).whenComplete((subscribed, refused) -> {
                if (refused != null) {
                    client.abort();
                }
            });
        }).thenApply(subscribed -> this);
    }

    /** One MESSAGE frame: counted, and if it is this page's own, its arrival instant kept (the first time). */
    void receive(StompClient.Delivery delivery) {
        frames.increment();
        if (arrivedNanos == NOT_YET && carriesOwnToken(delivery.frame().body())) {
            arrivedNanos = delivery.arrivedNanos();
            arrivals.incrementAndGet();
        }
    }

    boolean arrived() {
        return arrivedNanos != NOT_YET;
    }

    /** When this page's own frame arrived ({@link System#nanoTime()}); only once {@link #arrived}. */
    long arrivedNanos() {
        return arrivedNanos;
    }

    /** Why this page's connection ended early, or null while it is up. */
    String lost() {
        StompClient client = stomp;
        return client == null ? "never connected" : client.lost();
    }

    /** Says goodbye to the broker and closes the WebSocket; completes (never exceptionally) once it is closed. */
    CompletableFuture<PushPage> close() {
        StompClient client = stomp;
        return client == null ? CompletableFuture.completedFuture(this) : client.disconnect().thenApply(closed -> this);
    }

    /**
     * Whether a frame's body names this page's token, as push.js checks it. On the fanout most
     * frames are other pages': a plain text search rules those out before any JSON is read.
     */
    private boolean carriesOwnToken(String body) {
        if (!body.contains(token)) {
            return false;
        }
        try {
            JsonNode message = Http.JSON.readTree(body);
            return token.equals(message.path("token").asString(null));
        } catch (RuntimeException notJson) {
            return false;
        }
    }
}
