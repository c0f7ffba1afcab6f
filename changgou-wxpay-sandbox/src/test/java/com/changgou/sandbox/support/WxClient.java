package com.changgou.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxSigner;
import com.changgou.sandbox.protocol.WxTime;
import com.changgou.sandbox.protocol.WxXml;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A merchant talking to the sandbox over real HTTP, signing and verifying as a WeChat merchant must. */
public final class WxClient {

    public static final String APPID = "wx8888888888888888";
    public static final String MCH_ID = "1900000001";
    public static final String KEY = "sandboxkey0000000000000000000000";

    private final HttpClient http;
    private final WxSigner signer = new WxSigner(KEY);
    private final String baseUrl;

    public WxClient(int port) {
        this("http://127.0.0.1:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    private WxClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** A merchant calling the sandbox's TLS port, with whatever certificate the context presents. */
    public static WxClient overTls(int port, javax.net.ssl.SSLContext tls) {
        return new WxClient("https://127.0.0.1:" + port,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build());
    }

    public static String newOutTradeNo() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public static Map<String, String> unifiedOrderFields(String outTradeNo, long totalFee, String notifyUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", "畅购-测试商品");
        fields.put("out_trade_no", outTradeNo);
        fields.put("total_fee", Long.toString(totalFee));
        fields.put("spbill_create_ip", "127.0.0.1");
        fields.put("notify_url", notifyUrl);
        fields.put("trade_type", "NATIVE");
        fields.put("product_id", "P1");
        fields.put("time_expire", WxTime.format(Instant.now().plus(Duration.ofMinutes(30))));
        return fields;
    }

    /** Adds appid, mch_id, nonce_str (and sign_type for HMAC), signs, POSTs and returns the verified reply. */
    public Map<String, String> call(String api, Map<String, String> business, SignType signType) {
        Map<String, String> reply = WxXml.parse(post(api, signedBody(business, signType))
                .getBytes(StandardCharsets.UTF_8));
        if ("SUCCESS".equals(reply.get("return_code"))) {
            assertThat(signer.verify(reply, signType)).as("reply signature of %s", reply).isTrue();
        }
        return reply;
    }

    public Map<String, String> call(String api, Map<String, String> business) {
        return call(api, business, SignType.MD5);
    }

    /** POSTs a raw body as WeChat's API receives it and parses the reply without verifying. */
    public Map<String, String> raw(String api, String body) {
        return WxXml.parse(post(api, body).getBytes(StandardCharsets.UTF_8));
    }

    public String post(String path, String body) {
        return postXml(path, body).body();
    }

    public HttpResponse<String> postXml(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** The signed request body {@link #call} would send, for a test that sends it some other way. */
    public String signedBody(Map<String, String> business, SignType signType) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", APPID);
        fields.put("mch_id", MCH_ID);
        fields.put("nonce_str", UUID.randomUUID().toString().replace("-", ""));
        if (signType == SignType.HMAC_SHA256) {
            fields.put("sign_type", signType.wireName());
        }
        fields.putAll(business);
        fields.put("sign", signer.sign(fields, signType));
        return WxXml.write(fields);
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String scanJson(String codeUrl, String outcome) {
        return "{\"codeUrl\":\"%s\",\"outcome\":\"%s\"}".formatted(codeUrl, outcome);
    }
}
