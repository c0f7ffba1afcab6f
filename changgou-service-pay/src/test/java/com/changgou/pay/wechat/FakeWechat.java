package com.changgou.pay.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny WeChat Pay V2 stand-in on a random loopback port: records each request's fields and
 * answers what the test tells it to, signed by {@link TestSigner} in the request's sign type.
 */
final class FakeWechat implements AutoCloseable {

    /** What to send back: an HTTP status, a body, and how long to keep the client waiting first. */
    record Reply(int status, byte[] body, long delayMillis, boolean chunked) {
        static Reply of(String body) {
            return new Reply(200, body.getBytes(StandardCharsets.UTF_8), 0, false);
        }
    }

    record Request(String path, Map<String, String> fields) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile BiFunction<String, Map<String, String>, Reply> responder =
            (path, fields) -> new Reply(500, new byte[0], 0, false);

    FakeWechat() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(BiFunction<String, Map<String, String>, Reply> responder) {
        this.responder = responder;
    }

    /** Answers every call with these fields plus return_code SUCCESS, our appid/mch_id, signed. */
    void answerSigned(Map<String, String> fields) {
        answer((path, request) -> Reply.of(TestSigner.xml(signedAnswer(request, fields))));
    }

    static Map<String, String> signedAnswer(Map<String, String> request, Map<String, String> extra) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "SUCCESS");
        answer.put("return_msg", "OK");
        answer.put("appid", TestSigner.APP_ID);
        answer.put("mch_id", TestSigner.MCH_ID);
        answer.put("nonce_str", "a1b2c3d4e5f6");
        answer.putAll(extra);
        return TestSigner.signed(answer, request.getOrDefault("sign_type", "MD5"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, String> fields = TestSigner.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, fields));
            Reply reply = responder.apply(path, fields);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            long length = reply.chunked() ? 0 : reply.body().length == 0 ? -1 : reply.body().length;
            exchange.sendResponseHeaders(reply.status(), length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            } catch (IOException clientGone) {
                // The client stopped reading (timeout or size limit): that is what some tests provoke.
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
