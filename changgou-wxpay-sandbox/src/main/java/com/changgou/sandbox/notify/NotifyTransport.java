package com.changgou.sandbox.notify;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxXml;
import com.changgou.sandbox.protocol.XmlRejectedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** POSTs notification XML asynchronously: a few threads and a bounded number in flight, whatever the load. */
@Component
class NotifyTransport implements DisposableBean {

    private static final int MAX_REPLY_KEPT = 1024;

    private final ExecutorService pool;
    private final HttpClient client;
    private final Throttle throttle;
    private final Duration readTimeout;

    NotifyTransport(SandboxProperties properties) {
        SandboxProperties.Notification notify = properties.notification();
        this.pool = Executors.newFixedThreadPool(Math.max(1, notify.threads()), daemonThreads());
        this.client = HttpClient.newBuilder()
                .executor(pool)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(notify.connectTimeout())
                .build();
        this.throttle = new Throttle(notify.maxInFlight());
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
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(readTimeout)
                    .header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Reply(0, null, "bad notify_url: " + e.getMessage(), false));
        }
        // The request timeout stops at the headers; a merchant stalling mid-body must not hold a permit forever.
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .orTimeout(readTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure == null ? reply(response) : unanswered(failure));
    }

    private static Reply reply(HttpResponse<String> response) {
        String body = response.body();
        String kept = body.length() > MAX_REPLY_KEPT ? body.substring(0, MAX_REPLY_KEPT) : body;
        return new Reply(response.statusCode(), kept, null, response.statusCode() == 200 && saysSuccess(body));
    }

    private static boolean saysSuccess(String body) {
        try {
            return WxFields.SUCCESS.equals(WxXml.parse(body.getBytes(StandardCharsets.UTF_8)).get(WxFields.RETURN_CODE));
        } catch (XmlRejectedException e) {
            return false;
        }
    }

    private static Reply unanswered(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
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

    /** POSTs started or waiting for a connection slot. */
    int busy() {
        return throttle.queued() + throttle.inFlight();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
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
