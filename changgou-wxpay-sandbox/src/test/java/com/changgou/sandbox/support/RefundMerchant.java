package com.changgou.sandbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant that refunds: pays trades through the plain port, refunds over mutual TLS with its certificate,
 * receives refund notifications and reads the sandbox's JSON API. Closing it clears the refund faults.
 */
public final class RefundMerchant implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEAD_PAY_NOTIFY = "http://127.0.0.1:1/notify";

    /** A paid trade; {@code transactionId} null for one that is not paid. */
    public record Paid(String outTradeNo, String transactionId, long fee) {
    }

    public final WxClient plain;
    public final WxClient tls;
    public final RefundReceiver receiver;
    private final int port;

    public RefundMerchant(int port, int tlsPort) throws IOException {
        this.port = port;
        this.plain = new WxClient(port);
        this.tls = WxClient.overTls(tlsPort, MerchantCertificates.make().merchant());
        this.receiver = new RefundReceiver();
    }

    public static String newOutRefundNo() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** unifiedorder, then the phone pays. */
    public Paid paid(long fee) {
        String no = WxClient.newOutTradeNo();
        String codeUrl = plain.call("/pay/unifiedorder", WxClient.unifiedOrderFields(no, fee, DEAD_PAY_NOTIFY))
                .get("code_url");
        HttpResponse<String> scan = plain.postJson("/sandbox/api/scan", plain.scanJson(codeUrl, "PAY"));
        assertThat(scan.statusCode()).isEqualTo(200);
        return new Paid(no, JSON.readTree(scan.body()).get("transactionId").asString(), fee);
    }

    /** An order that exists but was never paid. */
    public Paid unpaid(long fee) {
        String no = WxClient.newOutTradeNo();
        plain.call("/pay/unifiedorder", WxClient.unifiedOrderFields(no, fee, DEAD_PAY_NOTIFY));
        return new Paid(no, null, fee);
    }

    public Map<String, String> refundFields(Paid trade, String outRefundNo, long refundFee) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("out_trade_no", trade.outTradeNo());
        fields.put("out_refund_no", outRefundNo);
        fields.put("total_fee", Long.toString(trade.fee()));
        fields.put("refund_fee", Long.toString(refundFee));
        fields.put("refund_fee_type", "CNY");
        fields.put("refund_desc", "畅购-订单关闭后到账");
        fields.put("notify_url", receiver.url());
        return fields;
    }

    /** /secapi/pay/refund over mutual TLS, signed MD5; the reply's signature is verified. */
    public Map<String, String> refund(Paid trade, String outRefundNo, long refundFee) {
        return tls.call("/secapi/pay/refund", refundFields(trade, outRefundNo, refundFee));
    }

    public JsonNode view(String outRefundNo) {
        return JSON.readTree(plain.get("/sandbox/api/refunds/" + outRefundNo).body());
    }

    public void fault(String json) {
        assertThat(plain.postJson("/sandbox/api/refund-faults", json).statusCode()).isEqualTo(201);
    }

    @Override
    public void close() {
        receiver.close();
        plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/api/refund-faults"))
                .DELETE());
    }
}
