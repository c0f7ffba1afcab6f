package com.changgou.e2e.support;

import com.changgou.testkit.AlipaySignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Alipay's side of the suite, as tests drive it from outside: the phone that opens the merchant's
 * URL from the QR code and submits its form to the (local) Alipay cashier; the sandbox's Alipay test
 * API; and notifications signed (or forged) with the keys ./changgou made for this run.
 */
public final class AlipaySide {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Suite suite;

    public AlipaySide(Suite suite) {
        this.suite = suite;
    }

    /** What the phone does with the QR's URL: opens it, submits the form it gets to the cashier. Returns the cashier page. */
    public HttpResponse<String> openOnPhone(String goUrl) {
        HttpResponse<String> go = Http.send(Http.request(URI.create(goUrl)).GET().build());
        if (go.statusCode() != 200) {
            throw new IllegalStateException("the go page %s answered %d %s".formatted(goUrl, go.statusCode(), go.body()));
        }
        Matcher action = FORM_ACTION.matcher(go.body());
        if (!action.find()) {
            throw new IllegalStateException("no form on the go page: " + go.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(go.body());
        while (hidden.find()) {
            Matcher name = NAME.matcher(hidden.group());
            Matcher value = VALUE.matcher(hidden.group());
            if (name.find() && value.find()) {
                fields.put(unescape(name.group(1)), unescape(value.group(1)));
            }
        }
        return Http.send(Http.request(URI.create(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    /** Pays (or fails) a trade in the cashier, as the shopper's phone does. */
    public JsonNode pay(String outTradeNo, String outcome) {
        return sandboxJson(Http.request(sandbox("/sandbox/api/alipay/pay")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"outTradeNo\":\"%s\",\"outcome\":\"%s\"}".formatted(outTradeNo, outcome))));
    }

    /** Alipay's view of one trade: state, amounts, notifications sent with the merchant's replies, calls. */
    public JsonNode trade(String outTradeNo) {
        return sandboxJson(Http.request(sandbox("/sandbox/api/alipay/trades/" + outTradeNo)).GET());
    }

    public void fault(String outTradeNo, String mode, Integer count, long delayMillis) {
        String body = "{\"outTradeNo\":%s,\"mode\":\"%s\",\"count\":%s,\"delayMillis\":%d}".formatted(
                outTradeNo == null ? "null" : "\"" + outTradeNo + "\"", mode, count, delayMillis);
        sandboxJson(Http.request(sandbox("/sandbox/api/alipay/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public void clearFaults() {
        Http.send(Http.request(sandbox("/sandbox/api/alipay/faults")).DELETE().build());
    }

    /** A TRADE_SUCCESS notification's parameters, as Alipay sends them, signed with {@code key}. */
    public Map<String, String> paidNotification(String outTradeNo, String totalAmount, PrivateKey key) {
        Map<String, String> params = new LinkedHashMap<>();
        String now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).format(TIME);
        params.put("notify_time", now);
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", "e2e" + System.nanoTime());
        params.put("app_id", appId());
        params.put("charset", "utf-8");
        params.put("version", "1.0");
        params.put("sign_type", "RSA2");
        params.put("trade_no", "2026" + System.nanoTime());
        params.put("out_trade_no", outTradeNo);
        params.put("buyer_id", "2088000000000099");
        params.put("seller_id", "2088000000000001");
        params.put("trade_status", "TRADE_SUCCESS");
        params.put("total_amount", totalAmount);
        params.put("receipt_amount", totalAmount);
        params.put("subject", "Changgou order");
        params.put("gmt_payment", now);
        return resigned(params, key);
    }

    /** Signs the parameters anew (what a forger with that key, or Alipay with its own, does). */
    public static Map<String, String> resigned(Map<String, String> params, PrivateKey key) {
        params.remove("sign");
        params.put("sign", AlipaySignature.sign(AlipaySignature.content(params, AlipaySignature.NOTIFICATION_EXCLUDES), key));
        return params;
    }

    /** Posts a notification to the suite's Alipay notify URL through the gateway; the merchant's reply. */
    public HttpResponse<String> notify(Map<String, String> params) {
        return Http.send(Http.request(suite.gateway().resolve("/api/pay/alipay/notify"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build());
    }

    /** Alipay's private key of this run (the sandbox signs with it). */
    public PrivateKey alipayPrivateKey() {
        return AlipaySignature.privateKey(keys().resolve("alipay-private.pem"));
    }

    public PublicKey alipayPublicKey() {
        return AlipaySignature.publicKey(keys().resolve("alipay-public.pem"));
    }

    /** The merchant's app key of this run (the pay service signs requests with it). */
    public PrivateKey appPrivateKey() {
        return AlipaySignature.privateKey(keys().resolve("app-private.pem"));
    }

    /** The merchant's Alipay app id: the suite's default unless this run set one. */
    public String appId() {
        return java.util.Objects.requireNonNullElse(suite.setting("ALIPAY_APP_ID"), "2021000000000001");
    }

    public URI gateway() {
        return URI.create(suite.setting("ALIPAY_GATEWAY_URL"));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Path keys() {
        return Path.of(suite.setting("CHANGGOU_RUN_DIR"), "secrets", "alipay");
    }

    private URI sandbox(String path) {
        return suite.sandbox().base().resolve(path);
    }

    private static JsonNode sandboxJson(HttpRequest.Builder request) {
        HttpResponse<String> response = Http.send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("sandbox %s: %d %s".formatted(response.uri(), response.statusCode(), response.body()));
        }
        return response.body().isBlank() ? Http.JSON.createObjectNode() : Http.json(response);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
