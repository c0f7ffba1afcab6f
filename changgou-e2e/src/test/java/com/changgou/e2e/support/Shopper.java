package com.changgou.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shopper using the suite through the gateway the way the pages do: signs up and in through
 * the forms (with their CSRF tokens), orders through the shop's form and opens the wxpay page.
 * What the pages do not show as JSON (an order's status, the payment's out_trade_no) is read from
 * the suite's databases.
 */
public final class Shopper {

    public static final String SESSION_COOKIE = "CGSESSION";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ORDER_ID = Pattern.compile("orderId=([0-9A-Za-z_-]+)");

    private final Suite suite;
    // where the shopper's requests go: the shop's address, or one gateway of a scaled-out suite
    private final URI door;
    private final String username;
    private final String password;
    // volatile: the burst tests share one signed-in shopper between threads
    private volatile String session;
    private volatile String csrfToken;

    private Shopper(Suite suite, String username, String password) {
        this(suite, suite.gateway(), username, password);
    }

    private Shopper(Suite suite, URI door, String username, String password) {
        this.suite = suite;
        this.door = door;
        this.username = username;
        this.password = password;
    }

    /** Opens a new account (a fresh name per call keeps tests apart) and signs in with it. */
    public static Shopper signUp(Suite suite, String prefix) {
        return signUpVia(suite, suite.gateway(), prefix);
    }

    private Shopper register() {
        HttpResponse<String> created = postForm("/signup", Map.of("username", username, "password", password, "confirm", password));
        if (created.statusCode() != 303) {
            throw new IllegalStateException("sign-up of %s answered %d %s".formatted(username, created.statusCode(), created.body()));
        }
        signIn(password);
        return this;
    }

    /** Someone at the door under this name, with no account made and not signed in (yet). */
    public static Shopper as(Suite suite, String username) {
        return new Shopper(suite, username, null);
    }

    /** The same shopper, session and all, sending its requests to another door (one gateway of several). */
    public Shopper via(URI otherDoor) {
        Shopper moved = new Shopper(suite, otherDoor, username, password);
        moved.session = session;
        moved.csrfToken = csrfToken;
        return moved;
    }

    /** Opens a new account and signs in through one particular door. */
    public static Shopper signUpVia(Suite suite, URI door, String prefix) {
        Shopper shopper = new Shopper(suite, door, (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(),
                "pw-" + UUID.randomUUID());
        return shopper.register();
    }

    /** Posts the sign-in form with this password; true when the gateway let the shopper in. */
    public boolean signIn(String password) {
        HttpResponse<String> answer = postForm("/login", Map.of("username", username, "password", password));
        csrfToken = null; // a new session after sign-in
        return answer.statusCode() == 302 && answer.headers().firstValue("location").filter(l -> !l.contains("/login")).isPresent();
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The session cookie's value, e.g. to replay it from somewhere else. */
    public String session() {
        return session;
    }

    /** Carries a session cookie obtained elsewhere (a copied or planted one). */
    public void useSession(String session) {
        this.session = session;
        this.csrfToken = null;
    }

    /** Orders through the shop's form; returns the new order's id. */
    public String placeOrder(Goods goods, int quantity) {
        HttpResponse<String> placed = postForm("/api/worder/order",
                Map.of("sku", Long.toString(goods.skuId()), "qty", Integer.toString(quantity)));
        String location = placed.headers().firstValue("location").orElse("");
        Matcher id = ORDER_ID.matcher(location);
        if (placed.statusCode() / 100 != 3 || !id.find()) {
            throw new IllegalStateException("placing an order answered %d %s %s".formatted(placed.statusCode(), location, placed.body()));
        }
        return id.group(1);
    }

    /**
     * Opens the order's wxpay page, which starts (or reuses) its WeChat Native payment, and returns
     * that payment as stored: outTradeNo, codeUrl, token, totalFee.
     */
    public JsonNode nativePay(String orderId) {
        HttpResponse<String> page = page("/api/wxpay?orderId=" + orderId);
        if (page.statusCode() != 200 || !page.body().contains("id=\"qr\"")) {
            throw new IllegalStateException("the wxpay page of %s answered %d %s".formatted(orderId, page.statusCode(), page.body()));
        }
        Map<String, Object> row = suite.payDb().single("SELECT out_trade_no, code_url, token, total_fee FROM pay_record "
                + "WHERE order_id = ? AND status IN ('NOTPAY', 'USERPAYING')", orderId);
        ObjectNode payment = Http.JSON.createObjectNode();
        payment.put("orderId", orderId);
        payment.put("outTradeNo", (String) row.get("out_trade_no"));
        payment.put("codeUrl", (String) row.get("code_url"));
        payment.put("token", (String) row.get("token"));
        payment.put("totalFee", ((Number) row.get("total_fee")).longValue());
        return payment;
    }

    /** The order as stored: status (by the enum's name), transactionId, payTime, payMoney. */
    public JsonNode order(String orderId) {
        Map<String, Object> row = suite.orderDb().single("SELECT " + OrderSchema.STATUS + " AS status, transaction_id, "
                + "pay_time, pay_money FROM tb_order WHERE id = ?", orderId);
        ObjectNode order = Http.JSON.createObjectNode();
        order.put("status", (String) row.get("status"));
        order.put("transactionId", (String) row.get("transaction_id"));
        order.put("payTime", row.get("pay_time") == null ? null : row.get("pay_time").toString());
        order.put("payMoney", ((Number) row.get("pay_money")).longValue());
        return order;
    }

    /** A GET as the pages' scripts make it (JSON wanted). */
    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    /** A GET as the browser makes it for a page. */
    public HttpResponse<String> page(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    /** A page GET with one more request header, as a crafted client would send it. */
    public HttpResponse<String> page(String path, String header, String value) {
        return send(request(path).header("Accept", "text/html").header(header, value).GET());
    }

    /** A form post with this session's CSRF token, as the pages' forms send it. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken());
        return postFormAsIs(path, withToken);
    }

    /** A form post with exactly these fields: what a page on another site could make a browser send. */
    public HttpResponse<String> postFormAsIs(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The session's CSRF token, read once off the sign-in form (one token serves a whole session). */
    private String csrfToken() {
        if (csrfToken == null) {
            HttpResponse<String> form = page("/login");
            Matcher m = CSRF_FIELD.matcher(form.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF field on the sign-in form: " + form.statusCode());
            }
            csrfToken = m.group(1);
        }
        return csrfToken;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = Http.request(URI.create(door + path));
        Optional.ofNullable(session).ifPresent(s -> builder.header("Cookie", SESSION_COOKIE + "=" + s));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = Http.send(request.build());
        response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .findFirst()
                .ifPresent(c -> session = c.substring(SESSION_COOKIE.length() + 1).split(";", 2)[0]);
        return response;
    }
}
