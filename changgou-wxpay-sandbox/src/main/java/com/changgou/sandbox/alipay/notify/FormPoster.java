package com.changgou.sandbox.alipay.notify;

import com.changgou.sandbox.SandboxProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs Alipay notifications as {@code application/x-www-form-urlencoded; charset=utf-8}, asynchronously, with
 * the WeChat notifications' timeouts and in-flight bound ({@code sandbox.notification.*}). Acknowledged means
 * HTTP 200 and a body of {@code success} (surrounding whitespace ignored), which is what Alipay waits for.
 * WeChat's transport is not reused: it speaks XML and reads return_code.
 */
@Component
class FormPoster implements DisposableBean {

    private static final int MAX_REPLY_KEPT = 1024;

    private final ExecutorService pool;
    private final HttpClient client;
    private final Duration readTimeout;
    private final int maxInFlight;
    private final Semaphore permits;
    private final Queue<Supplier<CompletableFuture<?>>> waiting = new ConcurrentLinkedQueue<>();

    FormPoster(SandboxProperties properties) {
        SandboxProperties.Notification notify = properties.notification();
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, notify.threads()), runnable -> {
            Thread thread = new Thread(runnable, "alipay-notify-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().executor(pool).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(notify.connectTimeout()).build();
        this.readTimeout = notify.readTimeout();
        this.maxInFlight = Math.max(1, notify.maxInFlight());
        this.permits = new Semaphore(maxInFlight);
    }

    /** What the merchant answered; {@code status} 0 when nothing came back. */
    record Reply(int status, String body, String error, boolean acknowledged) {
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    CompletableFuture<Reply> post(String url, String form) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        waiting.add(() -> send(url, form).whenComplete((done, failure) -> reply.complete(done)));
        drain();
        return reply;
    }

    int busy() {
        return waiting.size() + maxInFlight - permits.availablePermits();
    }

    private void drain() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Supplier<CompletableFuture<?>> next = waiting.poll();
            if (next == null) {
                permits.release();
                return;
            }
            next.get().whenComplete((result, failure) -> {
                permits.release();
                drain();
            });
        }
    }

    private CompletableFuture<Reply> send(String url, String form) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
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
        return new Reply(response.statusCode(), kept, null,
                response.statusCode() == 200 && "success".equals(body.strip()));
    }

    private static Reply unanswered(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return new Reply(0, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), false);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
