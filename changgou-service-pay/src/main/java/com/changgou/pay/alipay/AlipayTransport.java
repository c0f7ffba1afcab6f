package com.changgou.pay.alipay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * POSTs signed parameters to Alipay's gateway (form-encoded, UTF-8) with a connect and a read timeout, an
 * answer bounded while it is read, no redirects, and a bounded retry with doubling back-off on I/O
 * failures and 5xx (Spring's {@link RetryTemplate}). Every call is safe to repeat: the same out_trade_no
 * or out_request_no is the same trade or refund at Alipay.
 */
final class AlipayTransport {

    static final int MAX_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AlipayTransport.class);

    private final HttpClient http;
    private final URI gateway;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final RetryTemplate retries;

    AlipayTransport(AlipayProperties properties) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.gateway = properties.gatewayUrl();
        this.readTimeout = properties.readTimeout();
        this.maxAttempts = properties.maxAttempts();
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(maxAttempts - 1)
                .delay(properties.retryBackoff())
                .multiplier(2)
                .predicate(AlipayTransport::retryable)
                .build());
    }

    /** The answer's body; AlipayUnavailableException once the attempts are spent or the answer is unusable. */
    String post(Map<String, String> params, String method, String about) {
        String form = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retries.execute(() -> attempt(form, method, about, attempts.incrementAndGet()));
        } catch (RetryException e) {
            Throwable last = e.getLastException() == null ? e : e.getLastException();
            if (Thread.currentThread().isInterrupted()) {
                throw new AlipayUnavailableException("interrupted while asking Alipay %s for %s".formatted(method, about), last);
            }
            throw new AlipayUnavailableException("Alipay %s for %s failed after %d attempt(s): %s"
                    .formatted(method, about, attempts.get(), last), last);
        }
    }

    private String attempt(String form, String method, String about, int attempt) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(gateway)
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            log.debug("Alipay {} for {} attempt {}/{}", method, about, attempt, maxAttempts);
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() < 200 || response.statusCode() > 299) {
                    throw new HttpStatusException(response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new ResponseTooLargeException();
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            log.warn("Alipay {} for {} attempt {}/{} failed{}: {}", method, about, attempt, maxAttempts,
                    retryable(e) && attempt < maxAttempts ? ", will retry" : "", e.toString());
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean retryable(Throwable e) {
        if (e instanceof HttpStatusException status) {
            return status.status >= 500;
        }
        return e instanceof IOException && !(e instanceof ResponseTooLargeException)
                && !Thread.currentThread().isInterrupted();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException() {
            super("answer exceeds " + MAX_BYTES + " bytes");
        }
    }

    static final class HttpStatusException extends IOException {
        private final int status;

        HttpStatusException(int status) {
            super("HTTP status " + status);
            this.status = status;
        }
    }
}
