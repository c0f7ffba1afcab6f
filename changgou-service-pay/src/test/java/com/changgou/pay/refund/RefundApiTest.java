package com.changgou.pay.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.pay.api.PayFeign;
import com.changgou.pay.support.Http;
import com.changgou.security.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The refund endpoints as the order service calls them, through the real security and JSON. */
class RefundApiTest extends RefundTestSupport {

    private static final String REFUNDS = PayFeign.PATH + "/refunds";

    @Value("${local.server.port}")
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private HttpResponse<String> refund(String json) {
        return http.postJson(REFUNDS, json, TestTokens.orderService());
    }

    @Test
    void theOrderServiceRefundsAndReadsTheRefundBack() {
        Paid paid = paid(800);
        String no = refundNo();

        HttpResponse<String> created = refund("""
                {"outRefundNo":"%s","orderId":"%s","refundFee":800,"reason":"退货"}""".formatted(no, paid.orderId()));
        HttpResponse<String> read = http.getWith(REFUNDS + "/" + no, TestTokens.orderService());

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"state\":\"PROCESSING\"").contains("\"totalFee\":800");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"outRefundNo\":\"" + no + "\"").contains("\"orderId\":\"" + paid.orderId() + "\"");
        assertThat(http.getWith(REFUNDS + "/" + no, TestTokens.shopper("rhea")).statusCode()).isEqualTo(403);
        assertThat(http.postJson(REFUNDS, "{}", TestTokens.shopper("rhea")).statusCode()).isEqualTo(403);
    }

    @Test
    void badCommandsAreClear400sAndStoreNothing() {
        Paid paid = paid(800);
        String order = paid.orderId();

        assertBadRequest(refund("""
                {"outRefundNo":"RF 1","orderId":"%s","refundFee":1}""".formatted(order)), "outRefundNo must be 1 to 32");
        assertBadRequest(refund("""
                {"outRefundNo":"%s","orderId":"%s","refundFee":1}""".formatted("R".repeat(33), order)), "outRefundNo must be 1 to 32");
        assertBadRequest(refund("""
                {"outRefundNo":"RF1","orderId":"%s","refundFee":0}""".formatted(order)), "refundFee must be a positive");
        assertBadRequest(refund("""
                {"outRefundNo":"RF1","orderId":"%s","refundFee":1,"reason":"%s"}""".formatted(order, "退".repeat(81))),
                "reason must be at most 80 characters");
        assertBadRequest(refund("""
                {"outRefundNo":"RF1","refundFee":1}"""), "orderId must be");
        assertBadRequest(refund("[1,2"), "not a readable JSON command");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refund_record WHERE order_id = ?", Integer.class, order))
                .isZero();
    }

    @Test
    void anUnknownRefundIsA404AndAnOrderWithoutPaymentToo() {
        HttpResponse<String> unknown = http.getWith(REFUNDS + "/RF-nobody", TestTokens.orderService());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("refund RF-nobody not found");
        HttpResponse<String> noPayment = refund("""
                {"outRefundNo":"%s","orderId":"123456789","refundFee":1}""".formatted(refundNo()));
        assertThat(noPayment.statusCode()).isEqualTo(404);
        assertThat(noPayment.body()).contains("no payment for order 123456789");
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(message);
    }
}
