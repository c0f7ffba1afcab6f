package com.changgou.gateway.security;

import com.changgou.common.CsrfHeader;
import com.changgou.common.UserHeader;
import com.changgou.security.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The services behind the gateway, as small as a test needs: the user service knows one shopper,
 * alice, and one operator, olga, each with a BCrypt hash, and answers the gateway's service account
 * only (401 otherwise); every other path echoes what the gateway forwarded (path, method, the
 * subject of the bearer token and the raw {@code Authorization}, any {@code X-User-Name}, the CSRF
 * hand-over header and the body), so a test sees exactly what a service would be told.
 */
public final class StubServices implements AutoCloseable {

    public static final String ALICE = "alice";
    public static final String ALICE_PASSWORD = "correct horse battery";
    /** One of the shop's staff: a shopper's account that also has the OPERATOR role. */
    public static final String OLGA = "olga";
    public static final String OLGA_PASSWORD = "operator staple battery";
    static final String TAKEN = "taken-name";
    private static final String GATEWAY_ACCOUNT = TestTokens.gateway();
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;

    public StubServices() {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(ALICE_PASSWORD);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub services", e);
        }
        String olgasHash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(OLGA_PASSWORD);
        server.createContext("/internal/user/accounts", exchange -> accounts(exchange, hash, olgasHash));
        server.createContext("/", StubServices::echo);
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void accounts(HttpExchange exchange, String hash, String olgasHash) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!GATEWAY_ACCOUNT.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"flag\":false,\"code\":20002,\"message\":\"who are you?\",\"data\":null}");
        } else if (exchange.getRequestMethod().equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"" + TAKEN + "\"")) {
                json(exchange, 409, "{\"flag\":false,\"code\":20005,\"message\":\"username taken-name is taken\",\"data\":null}");
            } else {
                json(exchange, 201, "{\"flag\":true,\"code\":20000,\"message\":\"OK\",\"data\":{\"username\":\"x\",\"roles\":[\"SHOPPER\"]}}");
            }
        } else if (path.equals("/internal/user/accounts/" + ALICE + "/credentials")) {
            json(exchange, 200, "{\"flag\":true,\"code\":20000,\"message\":\"OK\",\"data\":{\"username\":\"alice\","
                    + "\"passwordHash\":\"" + hash + "\",\"roles\":[\"SHOPPER\"]}}");
        } else if (path.equals("/internal/user/accounts/" + OLGA + "/credentials")) {
            json(exchange, 200, "{\"flag\":true,\"code\":20000,\"message\":\"OK\",\"data\":{\"username\":\"olga\","
                    + "\"passwordHash\":\"" + olgasHash + "\",\"roles\":[\"SHOPPER\",\"OPERATOR\"]}}");
        } else {
            json(exchange, 404, "{\"flag\":false,\"code\":20006,\"message\":\"no such account\",\"data\":null}");
        }
    }

    private static void echo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String text = "path=%s;method=%s;user=%s;authorization=%s;x-user-name=%s;csrf=%s;body=%s".formatted(
                exchange.getRequestURI().getRawPath(), exchange.getRequestMethod(), subjectOf(authorization),
                authorization, exchange.getRequestHeaders().getFirst(UserHeader.NAME),
                exchange.getRequestHeaders().getFirst(CsrfHeader.NAME),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The {@code sub} of a bearer token, read without checking it (tests check it with {@link GatewaySecrets}). */
    private static String subjectOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return "(not a JWT)";
        }
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Matcher subject = SUBJECT.matcher(claims);
        return subject.find() ? subject.group(1) : null;
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
