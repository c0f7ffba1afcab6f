package com.changgou.pay.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.order.api.OrderView;
import com.changgou.pay.alipay.AlipayTestKeys;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.metrics.PayMetrics;
import com.changgou.pay.notifylog.NotifyLog;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.support.AlipayNotifications;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.PayIntegrationTest;
import com.changgou.pay.support.RefundNotificationBodies;
import com.changgou.pay.wechat.PayNotification;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every notification received leaves one notify_log row and one count of changgou.pay.notifications with
 * its verdict and reason, a stored payment's in the payment's own transaction; payments started and paid
 * are counted once per record.
 */
class NotificationVerdictsTest extends PayIntegrationTest {

    private static final String NOTIFY = "/pay/wxpay/notify";

    @Autowired
    Payments payments;
    @Autowired
    AlipayPayments alipay;
    @Autowired
    MeterRegistry meters;
    @Value("${local.server.port}")
    int port;

    Http http;
    OrderView order;
    NativePayment payment;

    @BeforeEach
    void startPayment() {
        http = new Http(port);
        order = orders.unpaid("nina", 1200);
        payment = payments.nativePay("nina", order.id());
    }

    @Test
    void aForgedNotificationNamingARealOrderIsOneBadSignatureRefusalInItsStory() {
        double before = notifications("wechat", "payment", "refused", "bad_signature");

        HttpResponse<String> reply = http.postXml(NOTIFY, wechat.forgedBody(payment.outTradeNo()));

        assertThat(reply.body()).contains("FAIL");
        assertThat(notifications("wechat", "payment", "refused", "bad_signature") - before).isEqualTo(1.0);
        List<Map<String, Object>> rows = rowsNaming(payment.outTradeNo());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("channel", "WECHAT").containsEntry("kind", "PAYMENT")
                .containsEntry("verdict", "REFUSED").containsEntry("reason", "bad_signature")
                .containsEntry("detail", "wrong HMAC-SHA256 sign");
        assertThat(status(payment.outTradeNo())).isEqualTo("NOTPAY");
    }

    @Test
    void aGenuineNotificationIsAcceptedAndPaidOnceAndItsRepeatIsADuplicate() {
        double accepted = notifications("wechat", "payment", "accepted", "ok");
        double duplicate = notifications("wechat", "payment", "duplicate", "ok");
        double paid = meters.get(PayMetrics.PAYMENTS_PAID).tag("channel", "wechat").tag("source", "notification")
                .counter().count();
        byte[] body = wechat.notificationBody(new PayNotification("wxtest0000000000", "1900000009",
                payment.outTradeNo(), "4200777", 1200, 1200, "openid", "NATIVE", "OTHERS",
                Instant.parse("2026-12-01T04:00:00Z"), "<xml>raw</xml>"));

        assertThat(http.postXml(NOTIFY, body).body()).contains("SUCCESS");
        assertThat(http.postXml(NOTIFY, body).body()).contains("SUCCESS");

        assertThat(notifications("wechat", "payment", "accepted", "ok") - accepted).isEqualTo(1.0);
        assertThat(notifications("wechat", "payment", "duplicate", "ok") - duplicate).isEqualTo(1.0);
        assertThat(meters.get(PayMetrics.PAYMENTS_PAID).tag("channel", "wechat").tag("source", "notification")
                .counter().count() - paid).isEqualTo(1.0);
        assertThat(rowsNaming(payment.outTradeNo())).extracting(r -> r.get("verdict"))
                .containsExactly("ACCEPTED", "DUPLICATE");
    }

    @Test
    void aPaymentAndItsAcceptedVerdictCommitTogetherOrNotAtAll() {
        String trigger = refuseAcceptedRowOf(payment.outTradeNo());
        double accepted = notifications("wechat", "payment", "accepted", "ok");
        double notStored = notifications("wechat", "payment", "refused", "not_stored");
        byte[] body = wechat.notificationBody(new PayNotification("wxtest0000000000", "1900000009",
                payment.outTradeNo(), "4200778", 1200, 1200, "openid", "NATIVE", "OTHERS",
                Instant.parse("2026-12-01T04:00:00Z"), "<xml>raw</xml>"));
        try {
            assertThat(http.postXml(NOTIFY, body).body()).contains("FAIL");
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + trigger);
        }

        // Nothing of the payment stayed: WeChat will send it again, and then it is paid.
        assertNothingOfThePaymentStayed("wechat", payment.outTradeNo(), notStored, accepted);

        assertThat(http.postXml(NOTIFY, body).body()).contains("SUCCESS");
        assertPaidWithItsVerdictAfterTheRefusal("wechat", payment.outTradeNo(), accepted);
    }

    @Test
    void anAlipayPaymentAndItsAcceptedVerdictCommitTogetherOrNotAtAll() {
        AlipayPayment alipayPayment = alipay.wap("nina", order.id());
        String trigger = refuseAcceptedRowOf(alipayPayment.outTradeNo());
        double accepted = notifications("alipay", "payment", "accepted", "ok");
        double notStored = notifications("alipay", "payment", "refused", "not_stored");
        String form = AlipayNotifications.form(AlipayNotifications.signed(AlipayNotifications.paid(
                alipayPayment.outTradeNo(), "2026120122001400000000003", "12.00")));
        try {
            assertThat(http.postForm("/pay/alipay/notify", form).body()).isEqualTo("failure");
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + trigger);
        }

        // Nothing of the payment stayed: Alipay will send it again, and then it is paid.
        assertNothingOfThePaymentStayed("alipay", alipayPayment.outTradeNo(), notStored, accepted);

        assertThat(http.postForm("/pay/alipay/notify", form).body()).isEqualTo("success");
        assertPaidWithItsVerdictAfterTheRefusal("alipay", alipayPayment.outTradeNo(), accepted);
    }

    @Test
    void startingCountsANewRecordButNotTheOpenOneHandedOutAgain() {
        double started = meters.get(PayMetrics.PAYMENTS_STARTED).tag("channel", "wechat").counter().count();
        OrderView another = orders.unpaid("nina", 300);

        payments.nativePay("nina", another.id());
        payments.nativePay("nina", another.id());

        assertThat(meters.get(PayMetrics.PAYMENTS_STARTED).tag("channel", "wechat").counter().count() - started)
                .isEqualTo(1.0);
    }

    @Test
    void anOversizedBodyIsOneTooLargeRefusalNamingNothing() {
        double before = notifications("wechat", "payment", "refused", "too_large");
        int rows = tooLargeRows();

        assertThat(http.postXml(NOTIFY, new byte[NotifyController.MAX_BODY_BYTES + 1]).statusCode()).isEqualTo(413);

        assertThat(notifications("wechat", "payment", "refused", "too_large") - before).isEqualTo(1.0);
        assertThat(tooLargeRows()).isEqualTo(rows + 1);
    }

    @Test
    void aRefundNotificationNotUnderOurKeyIsRefusedAsDecryptFailed() {
        double before = notifications("wechat", "refund", "refused", "decrypt_failed");
        Map<String, String> details = RefundNotificationBodies.details("RF-NOT-OURS", payment.outTradeNo(), "4200",
                "5030", 1200, 100, "SUCCESS");
        byte[] body = RefundNotificationBodies.body(RefundNotificationBodies.reqInfo(details,
                "anotherkey000000000000000000000000"), RefundNotificationBodies.APP_ID, RefundNotificationBodies.MCH_ID);

        assertThat(http.postXml("/pay/wxpay/refund/notify", body).body()).contains("FAIL");

        assertThat(notifications("wechat", "refund", "refused", "decrypt_failed") - before).isEqualTo(1.0);
    }

    @Test
    void aSignedAlipayNotificationForNoRecordOfOursIsRefusedAsUnknownTrade() {
        double before = notifications("alipay", "payment", "refused", "unknown_trade");
        String unknown = "NO-SUCH-" + order.id();

        HttpResponse<String> reply = http.postForm("/pay/alipay/notify", AlipayNotifications.form(
                AlipayNotifications.signed(AlipayNotifications.paid(unknown, "2026120122001400000000001", "12.00"))));

        assertThat(reply.body()).isEqualTo("failure");
        assertThat(notifications("alipay", "payment", "refused", "unknown_trade") - before).isEqualTo(1.0);
        assertThat(rowsNaming(unknown)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("channel", "ALIPAY").containsEntry("reason", "unknown_trade"));
    }

    @Test
    void anAlipayNotificationSignedWithAnotherKeyIsABadSignatureNamingWhatItClaimed() {
        double before = notifications("alipay", "payment", "refused", "bad_signature");
        String claimed = "FORGED-" + order.id();

        HttpResponse<String> reply = http.postForm("/pay/alipay/notify", AlipayNotifications.form(
                AlipayNotifications.signed(AlipayNotifications.paid(claimed, "2026120122001400000000002", "12.00"),
                        AlipayTestKeys.privateKey("app-private.pem"))));

        assertThat(reply.body()).isEqualTo("failure");
        assertThat(notifications("alipay", "payment", "refused", "bad_signature") - before).isEqualTo(1.0);
        assertThat(rowsNaming(claimed)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("verdict", "REFUSED").containsEntry("detail", "signature does not verify"));
    }

    @Test
    void theSeriesAlertsWatchExistBeforeTheFirstNotification() {
        assertThat(meters.find(NotifyLog.NOTIFICATIONS).tag("channel", "wechat").tag("kind", "payment")
                .tag("verdict", "refused").tag("reason", "not_stored").counter()).isNotNull();
        assertThat(meters.find(PayMetrics.PAYMENTS_PAID).tag("channel", "alipay").tag("source", "reconciliation")
                .counter()).isNotNull();
        assertThat(meters.find(PayMetrics.REFUNDS).tag("state", "change").counter()).isNotNull();
    }

    /** A payment whose verdict row was refused: still unpaid, nothing to send, and one not_stored verdict. */
    private void assertNothingOfThePaymentStayed(String channel, String outTradeNo, double notStoredBefore,
                                                 double acceptedBefore) {
        assertThat(status(outTradeNo)).isEqualTo("NOTPAY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mq_message WHERE id = ?", Integer.class,
                "pr-" + outTradeNo)).isZero();
        assertThat(rowsNaming(outTradeNo)).extracting(r -> r.get("reason")).containsExactly("not_stored");
        assertThat(notifications(channel, "payment", "refused", "not_stored") - notStoredBefore).isEqualTo(1.0);
        assertThat(notifications(channel, "payment", "accepted", "ok") - acceptedBefore).isZero();
    }

    /** The same payment sent again once the row is taken: paid, its accepted verdict after the refusal. */
    private void assertPaidWithItsVerdictAfterTheRefusal(String channel, String outTradeNo, double acceptedBefore) {
        assertThat(status(outTradeNo)).isEqualTo("SUCCESS");
        assertThat(rowsNaming(outTradeNo)).extracting(r -> r.get("verdict")).containsExactly("REFUSED", "ACCEPTED");
        assertThat(notifications(channel, "payment", "accepted", "ok") - acceptedBefore).isEqualTo(1.0);
    }

    /** Has the database refuse the ACCEPTED row naming {@code reference}, as it might any write of a transaction. */
    private String refuseAcceptedRowOf(String reference) {
        String trigger = "refuse_accepted_" + Math.abs(reference.hashCode());
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON notify_log FOR EACH ROW"
                + " IF NEW.verdict = 'ACCEPTED' AND NEW.reference = '" + reference + "' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF");
        return trigger;
    }

    private double notifications(String channel, String kind, String verdict, String reason) {
        return meters.get(NotifyLog.NOTIFICATIONS).tag("channel", channel).tag("kind", kind).tag("verdict", verdict)
                .tag("reason", reason).counter().count();
    }

    private List<Map<String, Object>> rowsNaming(String reference) {
        return jdbc.queryForList("SELECT channel, kind, verdict, reason, detail, trace_id FROM notify_log"
                + " WHERE reference = ? ORDER BY id", reference);
    }

    private String status(String outTradeNo) {
        return jdbc.queryForObject("SELECT status FROM pay_record WHERE out_trade_no = ?", String.class, outTradeNo);
    }

    private int tooLargeRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_log WHERE reason = 'too_large'", Integer.class);
    }
}
