package com.changgou.sandbox.alipay.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant talking to the sandbox's Alipay over real HTTP, written from Alipay's documentation and not from the
 * sandbox's code: it signs requests with the app's private key and verifies answers, returns and notifications
 * with Alipay's public key.
 */
public final class AlipayMerchant {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String baseUrl;
    private final String appId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final PrivateKey appPrivate = privateKey(AlipayTestKeys.appPrivate());
    private final PublicKey alipayPublic = publicKey(AlipayTestKeys.alipayPublic());

    public AlipayMerchant(int port, String appId) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.appId = appId;
    }

    public static String newOutTradeNo() {
        return "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public static String now() {
        return LocalDateTime.now(ZoneOffset.ofHours(8)).format(TIME);
    }

    /** The public parameters plus biz_content and extras, signed over everything but sign (sign_type included). */
    public Map<String, String> signed(String method, Object biz, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("app_id", appId);
        parameters.put("method", method);
        parameters.put("format", "JSON");
        parameters.put("charset", "utf-8");
        parameters.put("sign_type", "RSA2");
        parameters.put("timestamp", now());
        parameters.put("version", "1.0");
        parameters.put("biz_content", JSON.writeValueAsString(biz));
        parameters.putAll(extra);
        parameters.put("sign", sign(requestContent(parameters)));
        return parameters;
    }

    public static String requestContent(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(entry -> !entry.getKey().equals("sign") && !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&"));
    }

    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery
                : baseUrl + pathAndQuery)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
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

    /** Calls an API method and answers its response object, after checking the signature over its exact text. */
    public JsonNode call(String method, Object biz) {
        HttpResponse<String> response = post("/alipay/gateway.do", form(signed(method, biz, Map.of())));
        assertThat(response.statusCode()).isEqualTo(200);
        return verifiedNode(response.body(), method.replace('.', '_') + "_response");
    }

    /** As the Alipay SDK: the signed text is what lies between {@code "<node>":} and {@code ,"sign":}. */
    public JsonNode verifiedNode(String body, String node) {
        String head = "{\"" + node + "\":";
        int signAt = body.lastIndexOf(",\"sign\":\"");
        assertThat(body).startsWith(head);
        assertThat(signAt).as("signed answer %s", body).isPositive();
        String signed = body.substring(head.length(), signAt);
        String sign = JSON.readTree(body).get("sign").asString();
        assertThat(verify(signed, sign)).as("answer signature of %s", body).isTrue();
        return JSON.readTree(signed);
    }

    /** Verifies notification or return parameters: everything but sign and sign_type, sorted, raw values. */
    public boolean verifyNotification(Map<String, String> parameters) {
        String content = new TreeMap<>(parameters).entrySet().stream()
                .filter(entry -> !entry.getKey().equals("sign") && !entry.getKey().equals("sign_type"))
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&"));
        return verify(content, parameters.get("sign"));
    }

    public static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private String sign(String content) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(appPrivate);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean verify(String content, String sign) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(alipayPublic);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PrivateKey privateKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(base64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
