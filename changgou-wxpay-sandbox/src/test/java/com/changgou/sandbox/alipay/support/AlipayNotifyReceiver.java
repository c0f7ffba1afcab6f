package com.changgou.sandbox.alipay.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's Alipay notify endpoint on port 0: records each form-encoded notification with whether its RSA2
 * signature holds, and answers {@code success}, unless told to fail the first N for a trade.
 */
public final class AlipayNotifyReceiver implements AutoCloseable {

    /** One notification as received: its parameters, content type and the signature verdict. */
    public record Received(Instant at, Map<String, String> fields, String contentType, boolean signatureValid) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final AlipayMerchant verifier;
    private final Map<String, Queue<Received>> byTrade = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();

    public AlipayNotifyReceiver(AlipayMerchant verifier) throws IOException {
        this.verifier = verifier;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alipay/notify", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alipay/notify";
    }

    public void failFirst(String outTradeNo, int count) {
        failFirst.put(outTradeNo, new AtomicInteger(count));
    }

    public List<Received> received(String outTradeNo) {
        return List.copyOf(byTrade.getOrDefault(outTradeNo, new ConcurrentLinkedQueue<>()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = AlipayMerchant.parseQuery(body);
        String outTradeNo = fields.getOrDefault("out_trade_no", "?");
        boolean valid = verifier.verifyNotification(fields);
        byTrade.computeIfAbsent(outTradeNo, no -> new ConcurrentLinkedQueue<>()).add(new Received(Instant.now(),
                fields, exchange.getRequestHeaders().getFirst("Content-Type"), valid));
        boolean fail = !valid || failFirst.getOrDefault(outTradeNo, new AtomicInteger()).getAndDecrement() > 0;
        byte[] reply = (fail ? "fail" : "success").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
