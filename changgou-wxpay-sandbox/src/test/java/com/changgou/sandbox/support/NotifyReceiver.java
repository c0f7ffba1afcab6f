package com.changgou.sandbox.support;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxSigner;
import com.changgou.sandbox.protocol.WxXml;
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
 * A merchant's notify endpoint on port 0: it verifies signature, appid, mch_id and the expected amount, and
 * replies SUCCESS, unless told to fail the first N genuine ones for an order.
 */
public final class NotifyReceiver implements AutoCloseable {

    /** One notification as received, with the receiver's verdict. */
    public record Received(Instant at, Map<String, String> fields, boolean valid, String reason) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final WxSigner signer = new WxSigner(WxClient.KEY);
    private final Map<String, Queue<Received>> byOrder = new ConcurrentHashMap<>();
    private final Map<String, Long> expectedFee = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();

    public NotifyReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notify", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    public void expect(String outTradeNo, long totalFee) {
        expectedFee.put(outTradeNo, totalFee);
    }

    public void failFirst(String outTradeNo, int count) {
        failFirst.put(outTradeNo, new AtomicInteger(count));
    }

    public List<Received> received(String outTradeNo) {
        return List.copyOf(byOrder.getOrDefault(outTradeNo, new ConcurrentLinkedQueue<>()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> fields = WxXml.parse(body);
        String reason = verdict(fields);
        String outTradeNo = fields.getOrDefault("out_trade_no", "?");
        boolean ok = reason == null;
        if (ok && failFirst.getOrDefault(outTradeNo, new AtomicInteger()).getAndDecrement() > 0) {
            reason = "told to fail";
            ok = false;
        }
        byOrder.computeIfAbsent(outTradeNo, no -> new ConcurrentLinkedQueue<>())
                .add(new Received(Instant.now(), fields, reason == null || "told to fail".equals(reason), reason));
        String reply = ok ? "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>"
                : "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[" + reason + "]]></return_msg></xml>";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String verdict(Map<String, String> fields) {
        SignType signType = SignType.fromWire(fields.get("sign_type")).orElse(null);
        if (signType == null || !signer.verify(fields, signType)) {
            return "bad signature";
        }
        if (!WxClient.APPID.equals(fields.get("appid")) || !WxClient.MCH_ID.equals(fields.get("mch_id"))) {
            return "wrong merchant";
        }
        Long expected = expectedFee.get(fields.get("out_trade_no"));
        if (expected == null || !expected.toString().equals(fields.get("total_fee"))) {
            return "wrong amount";
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
