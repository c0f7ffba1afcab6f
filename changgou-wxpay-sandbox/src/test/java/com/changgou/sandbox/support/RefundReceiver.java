package com.changgou.sandbox.support;

import com.changgou.sandbox.protocol.WxXml;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A merchant's refund notify endpoint on port 0. It decrypts req_info with its own code (AES-256-ECB, key =
 * md5 hex of the merchant key, as WeChat documents it; not the sandbox's cipher), keeps what it read by
 * out_refund_no and answers SUCCESS, unless told to fail the first N for a refund.
 */
public final class RefundReceiver implements AutoCloseable {

    /** One notification: the outer fields and the decrypted {@code <root>} fields. */
    public record Received(Instant at, Map<String, String> outer, Map<String, String> info) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Queue<Received>> byRefund = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();

    public RefundReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/refund-notify", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/refund-notify";
    }

    public void failFirst(String outRefundNo, int count) {
        failFirst.put(outRefundNo, new AtomicInteger(count));
    }

    public List<Received> received(String outRefundNo) {
        return List.copyOf(byRefund.getOrDefault(outRefundNo, new ConcurrentLinkedQueue<>()));
    }

    /** WeChat's documented steps, written here independently of the sandbox's ReqInfoCipher. */
    public static String decrypt(String reqInfo, String merchantKey) {
        try {
            String md5 = HexFormat.of().formatHex(
                    MessageDigest.getInstance("MD5").digest(merchantKey.getBytes(StandardCharsets.UTF_8)));
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(md5.toLowerCase().getBytes(StandardCharsets.UTF_8), "AES"));
            return new String(aes.doFinal(Base64.getDecoder().decode(reqInfo)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("req_info did not decrypt", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> outer = WxXml.parse(exchange.getRequestBody().readAllBytes());
        Map<String, String> info = WxXml.parse(decrypt(outer.get("req_info"), WxClient.KEY)
                .getBytes(StandardCharsets.UTF_8), "root");
        String outRefundNo = info.get("out_refund_no");
        byRefund.computeIfAbsent(outRefundNo, no -> new ConcurrentLinkedQueue<>())
                .add(new Received(Instant.now(), outer, info));
        boolean fail = failFirst.getOrDefault(outRefundNo, new AtomicInteger()).getAndDecrement() > 0;
        String reply = fail ? "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[told to fail]]>"
                + "</return_msg></xml>"
                : "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
