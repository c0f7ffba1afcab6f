package com.changgou.bench;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The broker's management API, for the vhosts the bench makes for its own runs (PerfTest's, the
 * floor's) and deletes afterwards, so that nothing they declare meets the suite's own vhost.
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

    private void call(String method, String path, String json) {
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
    }

    /** A path segment or URI part: vhost names may hold '/' and other reserved characters. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
