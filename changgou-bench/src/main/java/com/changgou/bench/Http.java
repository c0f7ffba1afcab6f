package com.changgou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bench's one asynchronous HTTP/1.1 client (HTTP/1.1: no h2c upgrade header on every request)
 * and its JSON mapper. Callers bound their own concurrency.
 */
final class Http {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(4, Http::daemon))
            .build();

    private Http() {
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "bench-http");
        thread.setDaemon(true);
        return thread;
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    static CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    /** The {@code data} of a successful {@code Result}; anything else is an error naming the call. */
    static JsonNode data(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("%s %s answered %d %s".formatted(response.request().method(), response.uri(),
                    response.statusCode(), abbreviate(response.body())));
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.path("flag").asBoolean()) {
            throw new IllegalStateException("%s refused: %s".formatted(response.uri(), abbreviate(response.body())));
        }
        return body.path("data");
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
