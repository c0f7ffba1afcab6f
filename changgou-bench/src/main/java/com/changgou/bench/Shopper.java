package com.changgou.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A signed-in shopper driving the suite through the gateway, as the shop's pages do: its own
 * account, the session cookie the gateway gave it at sign-in, and that session's CSRF token for
 * every form it posts.
 */
final class Shopper {

    /** A started WeChat Native payment, as the shopper's wxpay page shows it: the QR's content and the push token. */
    record Payment(Shopper shopper, String orderId, String codeUrl, String token) {
    }

    static final String SESSION_COOKIE = "CGSESSION";

    /** One sticker (sku 100001), the catalogue's cheapest item: the shop prices it, the bench sends no price. */
    private static final Map<String, String> ONE_ITEM_ORDER = Map.of("sku", "100001", "qty", "1");

    private final URI gateway;
    private final String username;
    private final String session;
    private final String csrfToken;

    private Shopper(URI gateway, String username, String session, String csrfToken) {
        this.gateway = gateway;
        this.username = username;
        this.session = session;
        this.csrfToken = csrfToken;
    }

    /**
     * Opens an account through the sign-up form, signs in with it through the sign-in form, and
     * reads the signed-in session's CSRF token off the sign-in form (the session id changes at
     * sign-in, and so does its token).
     */
    static CompletableFuture<Shopper> signUpAndIn(URI gateway, String username, String password) {
        Door door = new Door(gateway);
        return door.page("/signup")
                .thenCompose(form -> door.post("/signup", Map.of("username", username, "password", password,
                        "confirm", password, "_csrf", csrfOf(form, "sign-up"))))
                .thenCompose(created -> {
                    if (created.statusCode() != 303) {
                        throw new IllegalStateException("sign-up of %s answered %d (400 when the name is taken or malformed)"
                                .formatted(username, created.statusCode()));
                    }
                    return door.page("/login");
                })
                .thenCompose(form -> door.post("/login", Map.of("username", username, "password", password,
                        "_csrf", csrfOf(form, "sign-in"))))
                .thenCompose(signedIn -> {
                    String location = signedIn.headers().firstValue("location").orElse("");
                    if (signedIn.statusCode() != 302 || location.contains("/login")) {
                        throw new IllegalStateException("sign-in of %s answered %d to %s"
                                .formatted(username, signedIn.statusCode(), location));
                    }
                    return door.page("/login");
                })
                .thenApply(form -> new Shopper(gateway, username, door.session, csrfOf(form, "signed-in")));
    }

    private static String csrfOf(HttpResponse<String> form, String which) {
        return ShopPages.csrfToken(form.body()).orElseThrow(() -> new IllegalStateException(
                "no CSRF field on the %s form (%s answered %d)".formatted(which, form.uri(), form.statusCode())));
    }

    String username() {
        return username;
    }

    /** Places a one-item order and opens its wxpay page, which starts its Native payment. */
    CompletableFuture<Payment> orderAndStartPayment() {
        return placeOrder().thenCompose(this::startPayment);
    }

    /** Posts the shop's order form; the new order's id is in the redirect to its pay page. */
    CompletableFuture<String> placeOrder() {
        Map<String, String> form = new LinkedHashMap<>(ONE_ITEM_ORDER);
        form.put("_csrf", csrfToken);
        return Http.send(request("/api/worder/order", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build())
                .thenApply(placed -> {
                    String location = placed.headers().firstValue("location").orElse("");
                    return ShopPages.orderId(location).filter(id -> placed.statusCode() / 100 == 3)
                            .orElseThrow(() -> new IllegalStateException("the order form answered %d to '%s': %s"
                                    .formatted(placed.statusCode(), location, Http.abbreviate(placed.body()))));
                });
    }

    /** Opens the order's wxpay page and reads the started payment off it. */
    CompletableFuture<Payment> startPayment(String orderId) {
        return wxpayPage(orderId).thenApply(page -> new Payment(this, orderId,
                read(page, ShopPages::codeUrl, "code_url", orderId), read(page, ShopPages::pushToken, "push token", orderId)));
    }

    private static String read(String page, Function<String, Optional<String>> field, String what, String orderId) {
        return field.apply(page).orElseThrow(() -> new IllegalStateException(
                "the wxpay page of %s shows no %s: %s".formatted(orderId, what, Http.abbreviate(page))));
    }

    /**
     * The wxpay page's HTML, failing unless it shows its QR. The first call for an order goes
     * web-order → order → pay → WeChat unifiedorder; later ones reuse the started payment.
     */
    CompletableFuture<String> wxpayPage(String orderId) {
        return Http.send(request("/api/wxpay?orderId=" + orderId, "text/html").GET().build()).thenApply(page -> {
            if (page.statusCode() != 200 || !page.body().contains("id=\"qr\"")) {
                throw new IllegalStateException("the wxpay page of %s answered %d without its QR: %s".formatted(orderId,
                        page.statusCode(), Http.abbreviate(page.body())));
            }
            return page.body();
        });
    }

    /** A client for this shopper's WebSockets (its wxpay pages' push), whose every upgrade carries the session cookie. */
    HttpClient webSocketClient(Executor executor) {
        return PushSockets.withSessionCookie(gateway, SESSION_COOKIE, session, executor);
    }

    /** The pages' polling call: the payment's state as JSON. */
    CompletableFuture<HttpResponse<String>> payStatus(String orderId) {
        return Http.send(request("/api/wxpay/status?orderId=" + orderId, "application/json").GET().build());
    }

    private HttpRequest.Builder request(String path, String accept) {
        return Http.request(gateway.resolve(path)).header("Cookie", SESSION_COOKIE + "=" + session).header("Accept", accept);
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * The way in, before there is a shopper: pages and form posts that carry the session cookie
     * the gateway last set. The steps of one sign-up run one after another, each in a stage that
     * depends on the last one's answer, so the cookie needs no lock.
     */
    private static final class Door {

        private final URI gateway;
        private String session;

        Door(URI gateway) {
            this.gateway = gateway;
        }

        CompletableFuture<HttpResponse<String>> page(String path) {
            return send(request(path).GET());
        }

        CompletableFuture<HttpResponse<String>> post(String path, Map<String, String> fields) {
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = Http.request(gateway.resolve(path)).header("Accept", "text/html");
            return session == null ? request : request.header("Cookie", SESSION_COOKIE + "=" + session);
        }

        private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
            return Http.send(request.build()).thenApply(response -> {
                response.headers().allValues("set-cookie").stream()
                        .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                        .map(c -> c.substring(SESSION_COOKIE.length() + 1).split(";", 2)[0])
                        .filter(value -> !value.isEmpty())
                        .reduce((first, last) -> last)
                        .ifPresent(value -> session = value);
                return response;
            });
        }
    }
}
