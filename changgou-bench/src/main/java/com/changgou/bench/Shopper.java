package com.changgou.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A signed-in shopper driving the suite through the gateway, as the shop's pages do. */
final class Shopper {

    /** A started WeChat Native payment, as the pay service returned it. */
    record Payment(Shopper shopper, String orderId, String outTradeNo, String codeUrl, String token, long totalFee) {
    }

    private static final Map<String, Object> ITEM = Map.of("skuId", 1L, "name", "bench", "priceFen", 100L, "quantity", 1);

    private final URI gateway;
    private final String username;
    private final String cookie;

    private Shopper(URI gateway, String username, String cookie) {
        this.gateway = gateway;
        this.username = username;
        this.cookie = cookie;
    }

    static Shopper signIn(URI gateway, String username) {
        HttpResponse<String> response = Http.send(Http.request(gateway.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .build()).join();
        List<String> cookies = response.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0]).toList();
        if (cookies.isEmpty()) {
            throw new IllegalStateException("sign-in as %s set no cookie: %d".formatted(username, response.statusCode()));
        }
        return new Shopper(gateway, username, String.join("; ", cookies));
    }

    String username() {
        return username;
    }

    /** Places a one-item order of 1.00 yuan and starts its Native payment. */
    CompletableFuture<Payment> orderAndStartPayment() {
        return placeOrder().thenCompose(this::startPayment);
    }

    CompletableFuture<String> placeOrder() {
        return Http.send(request("/api/order").header("Content-Type", "application/json")
                        .POST(Http.json(Map.of("items", List.of(ITEM)))).build())
                .thenApply(response -> Http.data(response).path("id").asString());
    }

    CompletableFuture<Payment> startPayment(String orderId) {
        return Http.send(request("/api/pay/wxpay/native?orderId=" + orderId).POST(HttpRequest.BodyPublishers.noBody()).build())
                .thenApply(Http::data)
                .thenApply(p -> new Payment(this, orderId, p.path("outTradeNo").asString(), p.path("codeUrl").asString(),
                        p.path("token").asString(), p.path("totalFee").asLong()));
    }

    /** The wxpay page (web-order → order → pay → WeChat unifiedorder on the first call). */
    CompletableFuture<HttpResponse<String>> wxpayPage(String orderId) {
        return Http.send(request("/api/wxpay?orderId=" + orderId, "text/html").GET().build());
    }

    /** The pages' polling call: the payment's state as JSON. */
    CompletableFuture<HttpResponse<String>> payStatus(String orderId) {
        return Http.send(request("/api/wxpay/status?orderId=" + orderId).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return request(path, "application/json");
    }

    private HttpRequest.Builder request(String path, String accept) {
        return Http.request(gateway.resolve(path)).header("Cookie", cookie).header("Accept", accept);
    }
}
