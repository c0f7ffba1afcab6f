package com.changgou.pay.support;

import com.changgou.pay.alipay.AlipayTestKeys;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small local Alipay gateway for the tests: it checks each request's RSA2 signature with the app's public
 * key (sign_type signed, sign not), answers what a test scripted for (method, out_trade_no), and signs the
 * exact text of every response object with Alipay's test key, as the real gateway does. One per JVM.
 */
public final class ScriptedAlipay {

    public static final String QUERY = "alipay.trade.query";
    public static final String CLOSE = "alipay.trade.close";
    public static final String REFUND = "alipay.trade.refund";
    public static final String REFUND_QUERY = "alipay.trade.fastpay.refund.query";
    public static final String NOT_EXIST = """
            {"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"trade does not exist"}""";
    private static ScriptedAlipay shared;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final PrivateKey alipayKey = AlipayTestKeys.privateKey("alipay-private.pem");
    private final PublicKey appKey = AlipayTestKeys.publicKey("app-public.pem");
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    /** Every request that reached us, its parameters as sent, with whether its signature verified. */
    public final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    private ScriptedAlipay() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alipay/gateway.do", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static synchronized ScriptedAlipay shared() {
        if (shared == null) {
            try {
                shared = new ScriptedAlipay();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public URI gateway() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alipay/gateway.do");
    }

    /** The response object Alipay answers to {@code method} about {@code outTradeNo} from now on. */
    public void answer(String method, String outTradeNo, String responseObject) {
        answers.put(method + " " + outTradeNo, responseObject);
    }

    /** alipay.trade.query finds the trade paid. */
    public void paid(String outTradeNo, String tradeNo, String totalAmount) {
        answer(QUERY, outTradeNo, """
                {"code":"10000","msg":"Success","trade_no":"%s","out_trade_no":"%s","trade_status":"TRADE_SUCCESS",\
                "total_amount":"%s","send_pay_date":"2026-12-01 12:00:00"}""".formatted(tradeNo, outTradeNo, totalAmount));
    }

    public List<Map<String, String>> requestsFor(String method, String outTradeNo) {
        return requests.stream().filter(r -> method.equals(r.get("method"))
                && r.getOrDefault("biz_content", "").contains("\"" + outTradeNo + "\"")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> params = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean genuine = AlipayTestKeys.verify(AlipayTestKeys.content(params, Set.of("sign")), params.get("sign"), appKey);
        Map<String, String> seen = new LinkedHashMap<>(params);
        seen.put("_verified", Boolean.toString(genuine));
        requests.add(seen);
        String method = params.getOrDefault("method", "");
        String name = method.replace('.', '_') + "_response";
        String body;
        if (!genuine) {
            // What Alipay does with a request it cannot verify: an unsigned answer.
            body = "{\"%s\":{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-signature\"}}".formatted(name);
        } else {
            JsonNode biz = json.readTree(params.get("biz_content"));
            String outTradeNo = biz.path("out_trade_no").asString();
            String response = answers.getOrDefault(method + " " + outTradeNo, defaultAnswer(method, outTradeNo, biz));
            body = "{\"%s\":%s,\"sign\":\"%s\"}".formatted(name, response, AlipayTestKeys.sign(response, alipayKey));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String defaultAnswer(String method, String outTradeNo, JsonNode biz) {
        return switch (method) {
            case REFUND -> """
                    {"code":"10000","msg":"Success","trade_no":"2026%s","out_trade_no":"%s","buyer_logon_id":"159****5620",\
                    "fund_change":"Y","refund_fee":"%s","gmt_refund_pay":"2026-12-01 13:00:00"}"""
                    .formatted(Math.abs(outTradeNo.hashCode()), outTradeNo, biz.path("refund_amount").asString());
            default -> NOT_EXIST;
        };
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : form.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
