package com.changgou.e2e.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The WeChat Pay sandbox's test API: pay a code_url as a shopper's phone would, inject faults. */
public final class Sandbox {

    private final URI base;

    Sandbox(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** Scans and pays (or fails) a code_url; returns the sandbox's answer. */
    public JsonNode scan(String codeUrl, String outcome) {
        HttpResponse<String> response = post("/sandbox/api/scan", Map.of("codeUrl", codeUrl, "outcome", outcome));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scan of %s failed: %d %s".formatted(codeUrl, response.statusCode(), response.body()));
        }
        return Http.json(response);
    }

    public JsonNode pay(String codeUrl) {
        return scan(codeUrl, "PAY");
    }

    /** Injects a fault for one order (outTradeNo) or, with null, for every order. */
    public void fault(String outTradeNo, String mode, int count, long delayMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outTradeNo", outTradeNo);
        body.put("mode", mode);
        body.put("count", count);
        body.put("delayMillis", delayMillis);
        HttpResponse<String> response = post("/sandbox/api/faults", body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("fault %s refused: %d %s".formatted(mode, response.statusCode(), response.body()));
        }
    }

    public void clearFaults() {
        Http.send(Http.request(base.resolve("/sandbox/api/faults")).DELETE().build());
        Http.send(Http.request(base.resolve("/sandbox/api/refund-faults")).DELETE().build());
    }

    /**
     * Injects a refund fault for one refund (outRefundNo) or, with null, for every refund: NOTENOUGH,
     * SYSTEMERROR, SLOW_ANSWER (the refund is made, its answer waits delayMillis), REFUNDCLOSE, CHANGE, DROP,
     * DUPLICATE, DELAY. A null count lasts until cleared.
     */
    public void refundFault(String outRefundNo, String mode, Integer count, long delayMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outRefundNo", outRefundNo);
        body.put("mode", mode);
        body.put("count", count);
        body.put("delayMillis", delayMillis);
        HttpResponse<String> response = post("/sandbox/api/refund-faults", body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("refund fault %s refused: %d %s".formatted(mode, response.statusCode(), response.body()));
        }
    }

    /** WeChat's refunds of one trade (outTradeNo), oldest first: status, amounts, calls, notifications. */
    public JsonNode refundsOf(String outTradeNo) {
        return get("/sandbox/api/refunds?outTradeNo=" + outTradeNo);
    }

    /** How often the merchant asked /secapi/pay/refund and refundquery about one out_refund_no. */
    public JsonNode refundCalls(String outRefundNo) {
        return get("/sandbox/api/refund-calls/" + outRefundNo);
    }

    /** Sends an encrypted SUCCESS notification for a refund WeChat never made to the merchant's URL. */
    public JsonNode notifyUnknownRefund(String notifyUrl, String outTradeNo, long totalFee, long refundFee) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notifyUrl", notifyUrl);
        body.put("outTradeNo", outTradeNo);
        body.put("totalFee", totalFee);
        body.put("refundFee", refundFee);
        HttpResponse<String> response = post("/sandbox/api/refund-notifications/unknown", body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("unknown refund notification: %d %s".formatted(response.statusCode(), response.body()));
        }
        return Http.json(response);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = Http.send(Http.request(base.resolve(path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sandbox %s: %d %s".formatted(path, response.statusCode(), response.body()));
        }
        return Http.json(response);
    }

    /** The sandbox's view of one order: state and the notifications it sent with their replies. */
    public JsonNode order(String outTradeNo) {
        HttpResponse<String> response = Http.send(Http.request(base.resolve("/sandbox/api/orders/" + outTradeNo)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sandbox order %s: %d %s".formatted(outTradeNo, response.statusCode(), response.body()));
        }
        return Http.json(response);
    }

    /** Whether the merchant replied SUCCESS to one of the order's notifications: it stored the result. */
    public boolean acknowledged(String outTradeNo) {
        for (JsonNode attempt : order(outTradeNo).path("notifications")) {
            if (attempt.path("acknowledged").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> post(String path, Object body) {
        return Http.send(Http.request(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body)))
                .build());
    }
}
