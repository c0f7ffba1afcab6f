package com.changgou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal STOMP 1.2 client over the JDK's WebSocket, enough to subscribe like a browser does:
 * CONNECT, SUBSCRIBE with a receipt, every MESSAGE frame to a callback, DISCONNECT with a receipt.
 *
 * <p>Kept instead of Spring's {@code WebSocketStompClient} for what a 1,000-page run needs: the
 * arrival instant ({@link System#nanoTime()}) is taken as the WebSocket hands over the text, before
 * any parsing, and a frame is only split into command, headers and body (no message conversion, no
 * task scheduler, no Spring messaging stack on the bench's classpath). Each connection costs one
 * socket, a frame reader and a few futures; the {@link HttpClient} (its selector thread, its cookie
 * jar) is the caller's to share between connections.
 */
final class StompClient {

    /** A MESSAGE frame and the instant the WebSocket handed its last part over. */
    record Delivery(StompFrame frame, long arrivedNanos) {
    }

    /** What the CONNECT frame carries, as push.js sends it: the broker user and the vhost ({@code host}). */
    record Login(String login, String passcode, String vhost) {
    }

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final Listener listener;
    private final AtomicInteger receipts = new AtomicInteger();

    private StompClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    /** Opens the WebSocket through {@code http} (whose cookies go with the upgrade) and waits for CONNECTED. */
    static CompletableFuture<StompClient> connect(HttpClient http, URI url, Login login, Consumer<Delivery> onMessage) {
        Listener listener = new Listener(onMessage);
        return http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .subprotocols("v12.stomp")
                .buildAsync(url, listener)
                .thenCompose(socket -> {
                    StompClient client = new StompClient(socket, listener);
                    // heart-beats off: the run is short, and a beat would count as traffic of its own
                    return client.send(StompFrame.of("CONNECT", "accept-version", "1.2", "host", login.vhost(),
                                    "login", login.login(), "passcode", login.passcode(), "heart-beat", "0,0"))
                            .thenCompose(sent -> listener.connected)
                            .thenApply(reply -> {
                                if (!reply.command().equals("CONNECTED")) {
                                    client.abort();
                                    throw new IllegalStateException("STOMP CONNECT to %s as %s refused: %s %s"
                                            .formatted(url, login.login(), reply.headers(), reply.body()));
                                }
                                return client;
                            });
                })
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Subscribes and completes on the broker's RECEIPT, so that nothing published afterwards is missed. */
    CompletableFuture<Void> subscribe(String destination) {
        String receipt = "sub-" + receipts.incrementAndGet();
        CompletableFuture<StompFrame> answer = listener.expect(receipt);
        return send(StompFrame.of("SUBSCRIBE", "id", receipt, "destination", destination, "ack", "auto", "receipt", receipt))
                .thenCompose(sent -> answer)
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .thenAccept(reply -> {
                    if (!reply.command().equals("RECEIPT")) {
                        throw new IllegalStateException("SUBSCRIBE %s refused: %s %s".formatted(destination, reply.headers(),
                                reply.body()));
                    }
                });
    }

    /** Why the connection ended before {@link #disconnect}, or null while it is up (a broker restart ends it). */
    String lost() {
        return listener.lost;
    }

    /**
     * DISCONNECT with a receipt (the broker ends the session once it has answered), then the
     * WebSocket's closing handshake. Completes once the peer has closed, or after the timeout with
     * the socket aborted: never exceptionally.
     */
    CompletableFuture<Void> disconnect() {
        listener.closing = true;
        String receipt = "bye-" + receipts.incrementAndGet();
        CompletableFuture<StompFrame> answer = listener.expect(receipt);
        return send(StompFrame.of("DISCONNECT", "receipt", receipt))
                .thenCompose(sent -> answer)
                .thenCompose(reply -> socket.isOutputClosed() ? CompletableFuture.completedFuture(null)
                        : socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                .thenCompose(sent -> listener.closed)
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .handle((done, error) -> {
                    // a refused or unanswered goodbye still ends the connection, from this side
                    if (!listener.closed.isDone()) {
                        abort();
                    }
                    return null;
                });
    }

    void abort() {
        listener.closing = true;
        socket.abort();
    }

    private CompletableFuture<WebSocket> send(StompFrame frame) {
        return socket.sendText(frame.encode(), true);
    }

    private static final class Listener implements WebSocket.Listener {

        private final Consumer<Delivery> onMessage;
        private final StompFrameReader reader = new StompFrameReader();
        private final CompletableFuture<StompFrame> connected = new CompletableFuture<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final Map<String, CompletableFuture<StompFrame>> receipts = new ConcurrentHashMap<>();
        private volatile boolean closing;
        private volatile String lost;

        Listener(Consumer<Delivery> onMessage) {
            this.onMessage = onMessage;
        }

        CompletableFuture<StompFrame> expect(String receipt) {
            return receipts.computeIfAbsent(receipt, r -> new CompletableFuture<>());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            for (StompFrame frame : reader.append(data)) {
                switch (frame.command()) {
                    case "MESSAGE" -> onMessage.accept(new Delivery(frame, now));
                    case "CONNECTED" -> connected.complete(frame);
                    case "RECEIPT" -> expect(frame.header("receipt-id")).complete(frame);
                    case "ERROR" -> {
                        // the broker closes the connection after an ERROR: whatever was awaited is refused
                        lost = "ERROR frame: " + frame.header("message");
                        connected.complete(frame);
                        receipts.values().forEach(r -> r.complete(frame));
                    }
                    default -> { }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closing && lost == null) {
                lost = "closed by the server (%d %s)".formatted(statusCode, reason);
            }
            IllegalStateException gone = new IllegalStateException("the connection closed (%d %s)".formatted(statusCode, reason));
            connected.completeExceptionally(gone);
            receipts.values().forEach(r -> r.completeExceptionally(gone));
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closing) {
                lost = "failed: " + error;
            }
            connected.completeExceptionally(error);
            receipts.values().forEach(r -> r.completeExceptionally(error));
            closed.complete(null);
        }
    }
}
