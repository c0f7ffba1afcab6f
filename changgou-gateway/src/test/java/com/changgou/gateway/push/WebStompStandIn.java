package com.changgou.gateway.push;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * RabbitMQ's Web STOMP as small as a test needs: WebSockets at {@code /ws} only, speaking the
 * STOMP subprotocols, answering a CONNECT frame with CONNECTED. It records every request that
 * reaches it, upgrade or not, so a test can also show that nothing did.
 */
final class WebStompStandIn implements AutoCloseable {

    static final String PATH = "/ws";
    static final String CONNECTED = "CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\u0000";

    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    WebStompStandIn() {
        server = HttpServer.create().host("127.0.0.1").port(0).handle(this::answer).bindNow();
    }

    /** The upstream as the gateway's route names it, {@code ws://host:port} without a path. */
    String uri() {
        return "ws://127.0.0.1:" + server.port();
    }

    List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    void forget() {
        handshakes.clear();
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        String path = URI.create(request.uri()).getRawPath();
        HttpHeaders headers = request.requestHeaders().copy();
        if (!PATH.equals(path)) {
            handshakes.add(new Handshake(path, headers, null));
            return response.status(404).send();
        }
        return response.sendWebsocket((in, out) -> {
            handshakes.add(new Handshake(path, headers, in.selectedSubprotocol()));
            return out.sendString(in.receive().asString().filter(frame -> frame.startsWith("CONNECT\n")).map(frame -> CONNECTED));
        }, WebsocketServerSpec.builder().protocols("v10.stomp,v11.stomp,v12.stomp").build());
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /** What one request brought: its path, its headers, and the subprotocol agreed on (null if none). */
    record Handshake(String path, HttpHeaders headers, String subprotocol) {

        List<String> offeredSubprotocols() {
            return headers.getAll("Sec-WebSocket-Protocol").stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::trim)
                    .toList();
        }
    }
}
