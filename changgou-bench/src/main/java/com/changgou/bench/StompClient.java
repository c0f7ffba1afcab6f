package com.changgou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A minimal STOMP 1.2 client over the JDK's WebSocket, enough to subscribe like a browser does:
 * CONNECT, SUBSCRIBE with a receipt, then every MESSAGE frame to a callback with its arrival
 * instant ({@link System#nanoTime()}, taken before the frame is parsed any further).
 */
final class StompClient implements AutoCloseable {

    /** A MESSAGE frame and the instant its last part arrived. */
    record Delivery(StompFrame frame, long arrivedNanos) {
    }

    private final WebSocket socket;
    private final CompletableFuture<StompFrame> connected;
    private final Listener listener;
    /** Subscriptions made so far: each gets its own id and receipt. */
    private int subscriptions;

    private StompClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
        this.connected = listener.connected;
    }

    static StompClient connect(URI url, String login, String passcode, String vhost, Consumer<Delivery> onMessage) {
        Listener listener = new Listener(onMessage);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .subprotocols("v12.stomp")
                .buildAsync(url, listener)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        StompClient client = new StompClient(socket, listener);
        client.send(StompFrame.of("CONNECT", "accept-version", "1.2", "host", vhost,
                "login", login, "passcode", passcode, "heart-beat", "0,0"));
        StompFrame reply = client.connected.orTimeout(10, TimeUnit.SECONDS).join();
        if (!reply.command().equals("CONNECTED")) {
            throw new IllegalStateException("STOMP CONNECT to %s refused: %s %s".formatted(url, reply.headers(), reply.body()));
        }
        return client;
    }

    /** Subscribes and waits for the broker's RECEIPT, so that nothing sent afterwards is missed. */
    void subscribe(String destination) {
        CompletableFuture<StompFrame> receipt = new CompletableFuture<>();
        listener.receipt = receipt;
        int n = subscriptions++;
        send(StompFrame.of("SUBSCRIBE", "id", "bench-" + n, "destination", destination, "ack", "auto", "receipt", "sub-" + n));
        StompFrame reply = receipt.orTimeout(10, TimeUnit.SECONDS).join();
        if (!reply.command().equals("RECEIPT")) {
            throw new IllegalStateException("SUBSCRIBE %s refused: %s %s".formatted(destination, reply.headers(), reply.body()));
        }
    }

    /** Why the connection ended before {@link #close}, or null while it is up (a broker restart ends it). */
    String lost() {
        return listener.lost;
    }

    private void send(StompFrame frame) {
        socket.sendText(frame.encode(), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        try {
            send(StompFrame.of("DISCONNECT"));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            socket.abort();
        }
    }

    private static final class Listener implements WebSocket.Listener {

        private final Consumer<Delivery> onMessage;
        private final StompFrameReader reader = new StompFrameReader();
        private final CompletableFuture<StompFrame> connected = new CompletableFuture<>();
        private volatile CompletableFuture<StompFrame> receipt = new CompletableFuture<>();
        private volatile String lost;

        Listener(Consumer<Delivery> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            for (StompFrame frame : reader.append(data)) {
                switch (frame.command()) {
                    case "MESSAGE" -> onMessage.accept(new Delivery(frame, now));
                    case "CONNECTED" -> connected.complete(frame);
                    case "RECEIPT" -> receipt.complete(frame);
                    case "ERROR" -> {
                        lost = "ERROR frame: " + frame.header("message");
                        connected.complete(frame);
                        receipt.complete(frame);
                    }
                    default -> { }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (lost == null) {
                lost = "closed by the server (%d %s)".formatted(statusCode, reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost = "failed: " + error;
            connected.completeExceptionally(error);
            receipt.completeExceptionally(error);
        }
    }
}
