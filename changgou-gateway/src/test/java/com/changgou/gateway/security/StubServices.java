package com.changgou.gateway.security;

import com.changgou.common.CsrfHeader;
import com.changgou.common.UserHeader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The services behind the gateway, as small as a test needs: the user service knows one shopper,
 * alice, with a BCrypt hash; every other path echoes what the gateway forwarded (path, method,
 * the shopper header, the CSRF hand-over header and the body), so a test sees exactly what a service
 * would trust.
 */
final class StubServices implements AutoCloseable {

    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = "correct horse battery";
    static final String TAKEN = "taken-name";

    private final HttpServer server;

    StubServices() {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(ALICE_PASSWORD);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub services", e);
        }
        server.createContext("/internal/user/accounts", exchange -> accounts(exchange, hash));
        server.createContext("/", StubServices::echo);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void accounts(HttpExchange exchange, String hash) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"" + TAKEN + "\"")) {
                json(exchange, 409, "{\"flag\":false,\"code\":20005,\"message\":\"username taken-name is taken\",\"data\":null}");
            } else {
                json(exchange, 201, "{\"flag\":true,\"code\":20000,\"message\":\"OK\",\"data\":{\"username\":\"x\",\"roles\":[\"SHOPPER\"]}}");
            }
        } else if (path.equals("/internal/user/accounts/" + ALICE + "/credentials")) {
            json(exchange, 200, "{\"flag\":true,\"code\":20000,\"message\":\"OK\",\"data\":{\"username\":\"alice\","
                    + "\"passwordHash\":\"" + hash + "\",\"roles\":[\"SHOPPER\"]}}");
        } else {
            json(exchange, 404, "{\"flag\":false,\"code\":20006,\"message\":\"no such account\",\"data\":null}");
        }
    }

    private static void echo(HttpExchange exchange) throws IOException {
        String text = "path=%s;method=%s;user=%s;csrf=%s;body=%s".formatted(exchange.getRequestURI().getRawPath(),
                exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst(UserHeader.NAME),
                exchange.getRequestHeaders().getFirst(CsrfHeader.NAME),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
