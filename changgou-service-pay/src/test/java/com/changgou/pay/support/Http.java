package com.changgou.pay.support;

import com.changgou.security.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client against the service under test, as WeChat or a Feign client (with its credential) would call it. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> postXml(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sent chunked: no Content-Length to check, so the bound must hold while reading. */
    public HttpResponse<String> postXmlChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    /** A form POST with no credential, as Alipay posts its notifications. */
    public HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A GET with no credential, as a phone opens a link. */
    public HttpResponse<String> getPublic(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A POST for {@code username} with the gateway's token, as web-order forwards it. */
    public HttpResponse<String> post(String path, String username) {
        return postWith(path, TestTokens.shopper(username));
    }

    /** A POST with this {@code Authorization} (none when null). */
    public HttpResponse<String> postWith(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** A JSON POST with this {@code Authorization}, as a Feign client sends its body. */
    public HttpResponse<String> postJson(String path, String json, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GET with this {@code Authorization}. */
    public HttpResponse<String> getWith(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
    }

    /** A GET for {@code username} with the gateway's token, as web-order forwards it. */
    public HttpResponse<String> get(String path, String username) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.shopper(username)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
