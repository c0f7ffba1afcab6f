package com.changgou.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's view of the gateway over real HTTP: it keeps its session cookie, reads CSRF
 * tokens off forms, follows no redirect on its own and sends paths exactly as written.
 */
public final class Visitor {

    public static final String COOKIE = "CGSESSION";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private String session;
    private HttpResponse<String> last;

    public Visitor(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String session() {
        return session;
    }

    void useSession(String session) {
        this.session = session;
    }

    /** The Set-Cookie line of the last response that set the session cookie, if any. */
    Optional<String> sessionCookieHeader() {
        return last.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(COOKIE + "=")).findFirst();
    }

    /** GETs a form page and returns the CSRF token written into it. */
    String csrfFrom(String page) {
        HttpResponse<String> form = send(request(page).header("Accept", "text/html").GET());
        assertThat(form.statusCode()).as("GET " + page).isEqualTo(200);
        Matcher m = CSRF_FIELD.matcher(form.body());
        assertThat(m.find()).as("a CSRF field on " + page).isTrue();
        return m.group(1);
    }

    /** Posts the sign-in form the way a browser would; returns where the gateway sent it. */
    public String signIn(String username, String password) {
        HttpResponse<String> response = postForm("/login",
                Map.of("username", username, "password", password, "_csrf", csrfFrom("/login")));
        assertThat(response.statusCode()).as("sign-in answer").isBetween(300, 399);
        return response.headers().firstValue("location").orElseThrow();
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    HttpResponse<String> getPage(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (session != null) {
            builder.header("Cookie", COOKIE + "=" + session);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            last = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        sessionCookieHeader().ifPresent(cookie -> {
            String value = cookie.substring(COOKIE.length() + 1).split(";", 2)[0];
            session = value.isEmpty() ? null : value;
        });
        return last;
    }
}
