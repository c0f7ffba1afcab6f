package com.changgou.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** The RabbitMQ management HTTP API, as an operator would read it, for the suite's vhost. */
public final class RabbitManagement {

    private final String api;
    private final String vhost;

    RabbitManagement(String managementUrl, String vhost) {
        this.api = managementUrl + "/api";
        this.vhost = vhost;
    }

    /** Messages ready plus unacknowledged in a queue of the suite's vhost. */
    public long messages(String queue) {
        JsonNode node = Http.json(ok(get("/queues/" + encode(vhost) + "/" + encode(queue))));
        return node.path("messages_ready").asLong() + node.path("messages_unacknowledged").asLong();
    }

    /**
     * Publishes one persistent message as the administrator (an operator replaying or a test forging
     * one); true when a queue took it.
     */
    public boolean publish(String exchange, String routingKey, String body) {
        String request = Http.JSON.writeValueAsString(java.util.Map.of("properties", java.util.Map.of("delivery_mode", 2,
                "content_type", "application/json"), "routing_key", routingKey, "payload", body, "payload_encoding", "string"));
        HttpResponse<String> response = Http.send(authorized(api + "/exchanges/" + encode(vhost) + "/" + encode(exchange) + "/publish")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)).build());
        return Http.json(ok(response)).path("routed").asBoolean();
    }

    /** Removes the binding of a queue to an exchange (empty routing key), as a mistaken operator might. */
    public void unbind(String exchange, String queue) {
        String path = "/bindings/%s/e/%s/q/%s/~".formatted(encode(vhost), encode(exchange), encode(queue));
        HttpResponse<String> response = Http.send(authorized(api + path).DELETE().build());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new IllegalStateException("could not unbind %s from %s: %d %s".formatted(queue, exchange, response.statusCode(), response.body()));
        }
    }

    /** Binds a queue to an exchange with an empty routing key (what the queue's owner declares). */
    public void bind(String exchange, String queue) {
        String path = "/bindings/%s/e/%s/q/%s".formatted(encode(vhost), encode(exchange), encode(queue));
        HttpResponse<String> response = Http.send(authorized(api + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"routing_key\":\"\"}")).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not bind %s to %s: %d %s".formatted(queue, exchange, response.statusCode(), response.body()));
        }
    }

    /** Stops the broker's AMQP and Web STOMP service on this machine (the node keeps running). */
    public void stopBroker() {
        Commands.run("rabbitmqctl", "stop_app");
    }

    public void startBroker() {
        Commands.run("rabbitmqctl", "start_app");
        Commands.run("rabbitmqctl", "await_startup");
    }

    /** Deletes a broker user of the suite's; one that is not there is fine. */
    void deleteUser(String user) {
        HttpResponse<String> response = Http.send(authorized(api + "/users/" + encode(user)).DELETE().build());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new IllegalStateException("could not delete user %s: %d %s".formatted(user, response.statusCode(), response.body()));
        }
    }

    /** A queue of the suite's vhost as the management API shows it: type, leader, members, online, consumers... */
    public JsonNode queue(String queue) {
        return Http.json(ok(get("/queues/" + encode(vhost) + "/" + encode(queue))));
    }

    /** A policy of the suite's vhost, as the management API shows it (404 when there is none). */
    public HttpResponse<String> policy(String name) {
        return get("/policies/" + encode(vhost) + "/" + encode(name));
    }

    /** The suite vhost's limits. */
    public JsonNode vhostLimits() {
        return Http.json(ok(get("/vhost-limits/" + encode(vhost))));
    }

    void deleteVhost() {
        HttpResponse<String> response = Http.send(authorized(api + "/vhosts/" + encode(vhost)).DELETE().build());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new IllegalStateException("could not delete vhost %s: %d %s".formatted(vhost, response.statusCode(), response.body()));
        }
    }

    private HttpResponse<String> get(String path) {
        return Http.send(authorized(api + path).GET().build());
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("management API %s: %d %s".formatted(response.uri(), response.statusCode(), response.body()));
        }
        return response;
    }

    private static HttpRequest.Builder authorized(String uri) {
        return Http.request(URI.create(uri)).header("Authorization", Http.basic("guest", "guest"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
