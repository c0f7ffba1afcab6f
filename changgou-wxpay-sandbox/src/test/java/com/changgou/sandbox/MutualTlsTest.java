package com.changgou.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxXml;
import com.changgou.sandbox.support.MerchantCertificates;
import com.changgou.sandbox.support.RefundMerchant;
import com.changgou.sandbox.support.RefundMerchant.Paid;
import com.changgou.sandbox.support.WxClient;
import com.changgou.sandbox.tls.RefundConnector;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RefundSandboxTest
class MutualTlsTest {

    @LocalServerPort
    int port;
    @Autowired
    RefundConnector connector;
    RefundMerchant merchant;

    @BeforeEach
    void start() throws IOException {
        merchant = new RefundMerchant(port, connector.localPort());
    }

    @AfterEach
    void stop() {
        merchant.close();
    }

    @Test
    void aHandshakeWithoutAClientCertificateIsRefusedAndTheMerchantCertificateIsAccepted() {
        assertThat(connector.localPort()).isPositive().isNotEqualTo(port);
        WxClient anonymous = WxClient.overTls(connector.localPort(), MerchantCertificates.make().noCertificate());
        assertThatThrownBy(() -> anonymous.postXml("/pay/orderquery", "<xml/>"))
                .hasRootCauseInstanceOf(SSLException.class);

        Paid trade = merchant.paid(100);
        assertThat(merchant.refund(trade, RefundMerchant.newOutRefundNo(), 100))
                .containsEntry("return_code", "SUCCESS").containsEntry("result_code", "SUCCESS");
        // the other APIs are served on the TLS port too
        assertThat(merchant.tls.call("/pay/orderquery", Map.of("out_trade_no", trade.outTradeNo())))
                .containsEntry("trade_state", "REFUND");
    }

    @Test
    void theRefundApiIsNotServedOnThePlainPort() {
        Paid trade = merchant.paid(50);
        String outRefundNo = RefundMerchant.newOutRefundNo();
        HttpResponse<String> answer = merchant.plain.postXml("/secapi/pay/refund",
                merchant.plain.signedBody(merchant.refundFields(trade, outRefundNo, 50), SignType.MD5));
        assertThat(answer.statusCode()).isEqualTo(403);
        Map<String, String> fields = WxXml.parse(answer.body().getBytes(StandardCharsets.UTF_8));
        assertThat(fields).containsEntry("return_code", "FAIL").doesNotContainKey("sign");
        assertThat(fields.get("return_msg")).contains("client certificate required");
        assertThat(merchant.plain.get("/sandbox/api/refunds/" + outRefundNo).statusCode()).isEqualTo(404);
        assertThat(merchant.plain.call("/pay/orderquery", Map.of("out_trade_no", trade.outTradeNo())))
                .containsEntry("trade_state", "SUCCESS");
    }

    @Test
    void aCertificateOfAnotherMerchantDoesNotMatchTheMchId() {
        Paid trade = merchant.paid(50);
        WxClient other = WxClient.overTls(connector.localPort(), MerchantCertificates.make().otherMerchant());
        Map<String, String> answer = other.raw("/secapi/pay/refund",
                other.signedBody(merchant.refundFields(trade, RefundMerchant.newOutRefundNo(), 50), SignType.MD5));
        assertThat(answer).containsEntry("return_code", "FAIL")
                .containsEntry("return_msg", "certificate does not match mch_id");
        assertThat(merchant.plain.get("/sandbox/api/refunds?outTradeNo=" + trade.outTradeNo()).body())
                .isEqualTo("[]");
    }
}
