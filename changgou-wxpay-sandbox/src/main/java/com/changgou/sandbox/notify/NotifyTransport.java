package com.changgou.sandbox.notify;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxXml;
import com.changgou.sandbox.protocol.XmlRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs notification XML: at most {@code max-in-flight} at once, whatever the load, the rest waiting their turn
 * in order ({@link Throttle}). Each POST runs on a thread of its own over a pool of kept-alive connections
 * (Apache HttpClient's blocking client). Not the JDK's asynchronous client: it spent 0.57 to 0.64 ms of CPU on
 * each POST where this one spends 0.12 to 0.19 (64 in flight, both under the apps' C1 compiler;
 * docs/bench/profile.md, section 18), and the sandbox shares the cores that the suite is measured on.
 */
@Component
class NotifyTransport implements DisposableBean {

    private static final int MAX_REPLY_KEPT = 1024;

    private final ExecutorService pool;
    private final CloseableHttpClient client;
    private final Throttle throttle;
    private final Duration readTimeout;
    private final int maxInFlight;

    NotifyTransport(SandboxProperties properties) {
        SandboxProperties.Notification notify = properties.notification();
        this.maxInFlight = Math.max(1, notify.maxInFlight());
        this.pool = Executors.newFixedThreadPool(maxInFlight, daemonThreads());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxInFlight)
                        .setMaxConnPerRoute(maxInFlight)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(notify.connectTimeout()))
                                .setSocketTimeout(Timeout.of(notify.readTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(notify.readTimeout())).build())
                // WeChat POSTs once per attempt to the URL it was given: no redirect, no retry of its own, no cookies
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.throttle = new Throttle(maxInFlight);
        this.readTimeout = notify.readTimeout();
    }

    /** What the merchant answered; {@code status} 0 when nothing came back. */
    record Reply(int status, String body, String error, boolean acknowledged) {
    }

    CompletableFuture<Reply> post(String url, String xml) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        throttle.submit(() -> send(url, xml).whenComplete((done, failure) -> reply.complete(done)));
        return reply;
    }

    private CompletableFuture<Reply> send(String url, String xml) {
        HttpPost request;
        try {
            URI target = URI.create(url);
            if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
                throw new IllegalArgumentException("not an http(s) URL: " + url);
            }
            request = new HttpPost(target);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Reply(0, null, "bad notify_url: " + e.getMessage(), false));
        }
        request.setEntity(new StringEntity(xml, ContentType.create("text/xml", StandardCharsets.UTF_8)));
        // The socket timeout bounds each read; a merchant trickling its reply must not hold a permit forever either.
        return CompletableFuture.supplyAsync(() -> exchange(request), pool)
                .orTimeout(readTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .handle((reply, failure) -> {
                    if (failure == null) {
                        return reply;
                    }
                    request.cancel();
                    return unanswered(failure);
                });
    }

    private Reply exchange(HttpPost request) {
        try {
            return client.execute(request, NotifyTransport::reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply reply(ClassicHttpResponse response) throws IOException, ParseException {
        String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        String kept = body.length() > MAX_REPLY_KEPT ? body.substring(0, MAX_REPLY_KEPT) : body;
        return new Reply(response.getCode(), kept, null, response.getCode() == 200 && saysSuccess(body));
    }

    private static boolean saysSuccess(String body) {
        try {
            return WxFields.SUCCESS.equals(WxXml.parse(body.getBytes(StandardCharsets.UTF_8)).get(WxFields.RETURN_CODE));
        } catch (XmlRejectedException e) {
            return false;
        }
    }

    private static Reply unanswered(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new Reply(0, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), false);
    }

    /** From now on every POST waits (in order) until {@link #release()}; those already sent go on. */
    void hold() {
        throttle.hold();
    }

    void release() {
        throttle.release();
    }

    boolean held() {
        return throttle.held();
    }

    /** How many POSTs may be in flight at once. */
    int maxInFlight() {
        return maxInFlight;
    }

    /** POSTs started or waiting for a connection slot. */
    int busy() {
        return throttle.queued() + throttle.inFlight();
    }

    @Override
    public void destroy() throws IOException {
        pool.shutdownNow();
        client.close();
    }

    static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "notify-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
