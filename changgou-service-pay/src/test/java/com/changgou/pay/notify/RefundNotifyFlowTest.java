package com.changgou.pay.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.message.RefundResultMessage;
import com.changgou.pay.refund.RefundTestSupport;
import com.changgou.pay.refund.Refunds;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.RefundNotificationBodies;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/** WeChat's refund notification through the real endpoint, decryption and all. */
class RefundNotifyFlowTest extends RefundTestSupport {

    private static final String NOTIFY = "/pay/wxpay/refund/notify";

    @Autowired
    Refunds refunds;
    @Autowired
    JsonMapper json;
    @Value("${local.server.port}")
    int port;

    Http http;
    Paid paid;
    String no;

    @BeforeEach
    void processingRefund() {
        http = new Http(port);
        paid = paid(1000);
        no = refundNo();
        refunds.refund(new RefundCommand(no, paid.orderId(), null, 400, null));
    }

    private Map<String, String> details(String status) {
        return RefundNotificationBodies.details(no, paid.outTradeNo(), paid.transactionId(), wechat.refundIdOf(no),
                1000, 400, status);
    }

    private Map<String, String> details(Consumer<Map<String, String>> change) {
        Map<String, String> details = new LinkedHashMap<>(details("SUCCESS"));
        change.accept(details);
        return details;
    }

    @Test
    void aSuccessIsStoredOnceThenRepliedSuccessAndTheOrderServiceHearsOfIt() {
        String queue = refundResultQueue();

        HttpResponse<String> reply = http.postXml(NOTIFY, RefundNotificationBodies.body(details("SUCCESS")));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).startsWith("<xml><return_code><![CDATA[SUCCESS]]></return_code>");
        Map<String, Object> row = jdbc.queryForMap("SELECT state, raw_notify, success_time FROM refund_record"
                + " WHERE out_refund_no = ?", no);
        assertThat(row.get("state")).isEqualTo("SUCCESS");
        assertThat((String) row.get("raw_notify")).startsWith("<root>").contains(no);
        RefundResultMessage result = json.readValue(awaitMessage(queue, "rr-" + no + "-SUCCESS").getBody(),
                RefundResultMessage.class);
        // 13:00 in Beijing is 05:00 UTC.
        assertThat(result.refundedAt()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(result.state()).isEqualTo(RefundState.SUCCESS);
        assertThat(result.outRefundNo()).isEqualTo(no);
    }

    @Test
    void aDuplicateIsSuccessWithoutChanges() {
        byte[] body = RefundNotificationBodies.body(details("SUCCESS"));
        http.postXml(NOTIFY, body);

        HttpResponse<String> again = http.postXml(NOTIFY, body);

        assertThat(again.body()).contains("SUCCESS");
        assertThat(logRows()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mq_message WHERE id = ?", Integer.class,
                "rr-" + no + "-SUCCESS")).isEqualTo(1);
    }

    @Test
    void changeThenSuccessAreBothApplied() {
        assertThat(http.postXml(NOTIFY, RefundNotificationBodies.body(details("CHANGE"))).body()).contains("SUCCESS");
        assertThat(state(no)).isEqualTo("CHANGE");
        assertThat(http.postXml(NOTIFY, RefundNotificationBodies.body(details("SUCCESS"))).body()).contains("SUCCESS");
        assertThat(state(no)).isEqualTo("SUCCESS");
        assertThat(http.postXml(NOTIFY, RefundNotificationBodies.body(details("REFUNDCLOSE"))).body())
                .as("a final state contradicted").contains("FAIL");
        assertThat(state(no)).isEqualTo("SUCCESS");
    }

    @Test
    void aBodyUnderAnotherKeyIsFailAndChangesNothing() {
        expectFailUnchanged(RefundNotificationBodies.body(RefundNotificationBodies.reqInfo(details("SUCCESS"),
                "forgedkey000000000000000000000000"), RefundNotificationBodies.APP_ID, RefundNotificationBodies.MCH_ID));
    }

    @Test
    void aTamperedCipherTextIsFailAndChangesNothing() {
        byte[] cipher = Base64.getDecoder().decode(RefundNotificationBodies.reqInfo(details("SUCCESS"),
                RefundNotificationBodies.KEY));
        cipher[cipher.length - 1] ^= 0x01;
        expectFailUnchanged(RefundNotificationBodies.body(Base64.getEncoder().encodeToString(cipher),
                RefundNotificationBodies.APP_ID, RefundNotificationBodies.MCH_ID));
        cipher[0] ^= 0x20;
        cipher[cipher.length - 1] ^= 0x01;
        expectFailUnchanged(RefundNotificationBodies.body(Base64.getEncoder().encodeToString(cipher),
                RefundNotificationBodies.APP_ID, RefundNotificationBodies.MCH_ID));
    }

    @Test
    void anUnknownRefundIsFail() {
        expectFailUnchanged(RefundNotificationBodies.body(details(d -> d.put("out_refund_no", refundNo()))));
    }

    @Test
    void aWrongAmountTradeTransactionOrRefundIdIsFailAndChangesNothing() {
        expectFailUnchanged(RefundNotificationBodies.body(details(d -> d.put("refund_fee", "1000"))));
        expectFailUnchanged(RefundNotificationBodies.body(details(d -> d.put("total_fee", "2000"))));
        expectFailUnchanged(RefundNotificationBodies.body(details(d -> d.put("out_trade_no", paid(1000).outTradeNo()))));
        expectFailUnchanged(RefundNotificationBodies.body(details(d -> d.put("transaction_id", "4200000000000"))));
        expectFailUnchanged(RefundNotificationBodies.body(details(d -> d.put("refund_id", "50399999999"))));
    }

    @Test
    void anotherMerchantsOrAppsNotificationIsFail() {
        String reqInfo = RefundNotificationBodies.reqInfo(details("SUCCESS"), RefundNotificationBodies.KEY);
        expectFailUnchanged(RefundNotificationBodies.body(reqInfo, RefundNotificationBodies.APP_ID, "1900000001"));
        expectFailUnchanged(RefundNotificationBodies.body(reqInfo, "wx8888888888888888", RefundNotificationBodies.MCH_ID));
    }

    @Test
    void anOversizedBodyIsRefusedUnread() {
        byte[] huge = new byte[NotifyController.MAX_BODY_BYTES + 1];
        assertThat(http.postXmlChunked(NOTIFY, huge).statusCode()).isEqualTo(413);
        assertThat(state(no)).isEqualTo("PROCESSING");
    }

    private void expectFailUnchanged(byte[] body) {
        HttpResponse<String> reply = http.postXml(NOTIFY, body);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("<return_code><![CDATA[FAIL]]></return_code>");
        assertThat(state(no)).isEqualTo("PROCESSING");
        assertThat(logRows()).isEqualTo(2);
    }

    private int logRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM refund_log WHERE out_refund_no = ?", Integer.class, no);
    }
}
