package com.changgou.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A signed-in shopper talking to the suite through the gateway, as the pages' scripts would. */
public final class Shopper {

    private final URI gateway;
    private final String username;
    private final String cookie;

    private Shopper(URI gateway, String username, String cookie) {
        this.gateway = gateway;
        this.username = username;
        this.cookie = cookie;
    }

    /** Signs a new shopper in at the gateway (a fresh username per call keeps tests apart). */
    public static Shopper signIn(Suite suite, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = Http.send(Http.request(suite.gateway().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .build());
        List<String> cookies = new ArrayList<>();
        for (String header : response.headers().allValues("set-cookie")) {
            cookies.add(header.split(";", 2)[0]);
        }
        if (cookies.isEmpty()) {
            throw new IllegalStateException("sign-in as %s set no cookie: %d %s".formatted(username, response.statusCode(), response.body()));
        }
        return new Shopper(suite.gateway(), username, String.join("; ", cookies));
    }

    public String username() {
        return username;
    }

    public String cookie() {
        return cookie;
    }

    /** Places an order of {@code quantity} × one item at {@code priceFen}; returns the order id. */
    public String placeOrder(long priceFen, int quantity) {
        Map<String, Object> item = Map.of("skuId", 100L, "name", "测试商品", "priceFen", priceFen, "quantity", quantity);
        JsonNode result = data(postJson("/api/order", Map.of("items", List.of(item))));
        return result.path("id").asString();
    }

    public JsonNode order(String orderId) {
        return data(get("/api/order/" + orderId));
    }

    /** Starts the WeChat Native payment of an order: the NativePayment (codeUrl, token, ...). */
    public JsonNode nativePay(String orderId) {
        return data(send(Http.request(gateway.resolve("/api/pay/wxpay/native?orderId=" + orderId))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    public HttpResponse<String> get(String path) {
        return send(Http.request(gateway.resolve(path)).GET());
    }

    public HttpResponse<String> postJson(String path, Object body) {
        return send(Http.request(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.header("Cookie", cookie).header("Accept", "application/json").build());
    }

    private static JsonNode data(HttpResponse<String> response) {
        JsonNode body = Http.json(response);
        if (response.statusCode() / 100 != 2 || !body.path("flag").asBoolean()) {
            throw new IllegalStateException("%s answered %d %s".formatted(response.uri(), response.statusCode(), response.body()));
        }
        return body.path("data");
    }
}
