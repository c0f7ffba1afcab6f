package com.changgou.bench;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker's management API, for the vhosts the bench makes for its own runs (PerfTest's, the
 * floor's) and deletes afterwards, so that nothing they declare meets the suite's own vhost; for
 * the broker user of the push run's plain-fanout pages, made and deleted the same way; and for
 * counting a user's open connections, which the broker limits.
 */
final class RabbitManagement {

    private final Suite suite;

    RabbitManagement(Suite suite) {
        this.suite = suite;
    }

    /** A new vhost, on which the suite's broker user may do anything. */
    void createVhost(String vhost) {
        call("PUT", "/api/vhosts/" + encode(vhost), "");
        call("PUT", "/api/permissions/%s/%s".formatted(encode(vhost), encode(suite.rabbitUser())),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    }

    /** Deletes the vhost with everything in it. */
    void deleteVhost(String vhost) {
        call("DELETE", "/api/vhosts/" + encode(vhost), null);
    }

    /** A new user without tags (no management access), allowed on {@code vhost} what the patterns say. */
    void createUser(String user, String password, String vhost, String configure, String write, String read) {
        call("PUT", "/api/users/" + encode(user), Http.JSON.writeValueAsString(Map.of("password", password, "tags", "")));
        call("PUT", "/api/permissions/%s/%s".formatted(encode(vhost), encode(user)),
                Http.JSON.writeValueAsString(Map.of("configure", configure, "write", write, "read", read)));
    }

    void deleteUser(String user) {
        call("DELETE", "/api/users/" + encode(user), null);
    }

    /** A running node's open file descriptors and its limit (the broker's open-files limit). */
    record FileDescriptors(String node, long used, long total) {
    }

    /** Each running node's file descriptors, as the node last reported them. */
    List<FileDescriptors> fileDescriptors() {
        JsonNode nodes = Http.JSON.readTree(call("GET", "/api/nodes?columns=name,running,fd_used,fd_total", null));
        List<FileDescriptors> running = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.path("running").asBoolean(true)) {
                if (!node.path("fd_total").isNumber() || !node.path("fd_used").isNumber()) {
                    throw new IllegalStateException("the broker's management API does not say how many file descriptors %s has: %s"
                            .formatted(node.path("name").asString("its node"), node));
                }
                running.add(new FileDescriptors(node.path("name").asString(), node.path("fd_used").asLong(),
                        node.path("fd_total").asLong()));
            }
        }
        return running;
    }

    /** The connections the broker has open for {@code user} now, over every protocol (Web STOMP's included). */
    int connections(String user) {
        return Http.JSON.readTree(call("GET", "/api/connections/username/%s?columns=name".formatted(encode(user)), null)).size();
    }

    /**
     * Waits until the broker has at most {@code atMost} connections of {@code user} open: a
     * WebSocket closed on this side is gone from the broker a moment later, and the broker counts
     * it against the user's and the vhost's limits until then. False if it did not happen in time.
     */
    boolean awaitConnectionsAtMost(String user, int atMost, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections(user) > atMost) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return true;
    }

    private String call(String method, String path, String json) {
        String auth = Base64.getEncoder().encodeToString((suite.rabbitUser() + ":" + suite.rabbitPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = Http.request(suite.rabbitManagement().resolve(path))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = Http.send(request).join();
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("RabbitMQ management %s %s: %d %s".formatted(method, path, response.statusCode(),
                    response.body()));
        }
        return response.body();
    }

    /** A path segment or URI part: vhost names may hold '/' and other reserved characters. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
