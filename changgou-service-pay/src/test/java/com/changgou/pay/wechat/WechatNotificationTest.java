package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WechatNotificationTest {

    private final WechatPayClient client =
            new WechatPayClient(TestSigner.properties("http://127.0.0.1:1", WechatSignType.MD5));

    private static byte[] body(Map<String, String> fields) {
        return TestSigner.xml(fields).getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefused(byte[] body, String reason) {
        assertThatThrownBy(() -> client.parseNotification(body))
                .isInstanceOf(InvalidNotificationException.class)
                .hasMessageContaining(reason)
                .message().doesNotContain(TestSigner.KEY);
    }

    @Test
    void acceptsAGenuineMd5Notification() {
        byte[] body = body(TestSigner.signed(TestSigner.paidNotification("T100", 2990), "MD5"));
        PayNotification notification = client.parseNotification(body);
        assertThat(notification).isEqualTo(new PayNotification(TestSigner.APP_ID, TestSigner.MCH_ID, "T100",
                "4200000000202612010000000001", 2990, 2990, "oUpF8uMEb4qRXf22hE3X68TekukE", "NATIVE", "OTHERS",
                Instant.parse("2026-12-01T12:30:00Z"), new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void honoursAnHmacSha256SignTypeNamedInTheNotification() {
        Map<String, String> fields = TestSigner.paidNotification("T101", 1);
        fields.put("sign_type", "HMAC-SHA256");
        assertThat(client.parseNotification(body(TestSigner.signed(fields, "HMAC-SHA256"))).outTradeNo())
                .isEqualTo("T101");
    }

    @Test
    void anHmacMerchantAcceptsNotificationsThatNameNoSignTypeInEitherType() {
        WechatPayClient hmacMerchant = new WechatPayClient(
                TestSigner.properties("http://127.0.0.1:1", WechatSignType.HMAC_SHA256));
        // WeChat's documented default is MD5, yet it signs the way the order was placed.
        for (String signType : new String[] {"MD5", "HMAC-SHA256"}) {
            byte[] body = body(TestSigner.signed(TestSigner.paidNotification("T115", 5), signType));
            assertThat(hmacMerchant.parseNotification(body).totalFee()).isEqualTo(5);
        }
        Map<String, String> forged = TestSigner.signed(TestSigner.paidNotification("T115", 5), "HMAC-SHA256");
        forged.put("total_fee", "1");
        assertThatThrownBy(() -> hmacMerchant.parseNotification(body(forged)))
                .hasMessageContaining("wrong HMAC-SHA256 or MD5 sign");
    }

    @Test
    void anMd5MerchantDoesNotAcceptAnUnnamedHmacSign() {
        assertRefused(body(TestSigner.signed(TestSigner.paidNotification("T116", 1), "HMAC-SHA256")), "wrong MD5 sign");
    }

    @Test
    void refusesAnHmacSignClaimedAsMd5() {
        Map<String, String> fields = TestSigner.paidNotification("T102", 1);
        fields.put("sign_type", "MD5");
        assertRefused(body(TestSigner.signed(fields, "HMAC-SHA256")), "wrong MD5 sign");
    }

    @Test
    void refusesAnUnknownSignType() {
        Map<String, String> fields = TestSigner.paidNotification("T103", 1);
        fields.put("sign_type", "SHA1");
        assertRefused(body(TestSigner.signed(fields, "MD5")), "unknown sign_type");
    }

    @Test
    void acceptsUnknownExtensionFieldsThatWereSigned() {
        Map<String, String> fields = TestSigner.paidNotification("T104", 1);
        fields.put("promotion_detail_2030", "new");
        assertThat(client.parseNotification(body(TestSigner.signed(fields, "MD5"))).outTradeNo()).isEqualTo("T104");
    }

    @Test
    void refusesAnUnknownFieldAddedAfterSigning() {
        Map<String, String> fields = TestSigner.signed(TestSigner.paidNotification("T105", 1), "MD5");
        fields.put("promotion_detail_2030", "slipped in");
        assertRefused(body(fields), "wrong MD5 sign");
    }

    @Test
    void refusesASuccessNotificationWithoutSign() {
        assertRefused(body(TestSigner.paidNotification("T106", 1)), "no sign");
    }

    @Test
    void refusesATamperedAmount() {
        Map<String, String> fields = TestSigner.signed(TestSigner.paidNotification("T107", 1), "MD5");
        fields.put("total_fee", "100000");
        assertRefused(body(fields), "wrong MD5 sign");
    }

    @Test
    void refusesASignMadeWithAnotherKey() {
        Map<String, String> fields = new LinkedHashMap<>(TestSigner.paidNotification("T108", 1));
        fields.put("sign", TestSigner.sign(fields, "MD5", "otherkey0123456789abcdef01234567"));
        assertRefused(body(fields), "wrong MD5 sign");
    }

    @Test
    void refusesAnotherAppidEvenWhenSignedWithOurKey() {
        Map<String, String> fields = TestSigner.paidNotification("T109", 1);
        fields.put("appid", "wx9999999999999999");
        assertRefused(body(TestSigner.signed(fields, "MD5")), "appid wx9999999999999999 is not ours");
    }

    @Test
    void refusesAnotherMchIdEvenWhenSignedWithOurKey() {
        Map<String, String> fields = TestSigner.paidNotification("T110", 1);
        fields.put("mch_id", "1900000666");
        assertRefused(body(TestSigner.signed(fields, "MD5")), "mch_id 1900000666 is not ours");
    }

    @Test
    void refusesAFailedPayment() {
        Map<String, String> fields = TestSigner.paidNotification("T111", 1);
        fields.put("result_code", "FAIL");
        fields.put("err_code", "NOTENOUGH");
        assertRefused(body(TestSigner.signed(fields, "MD5")), "result_code is FAIL");
    }

    @Test
    void refusesAReturnCodeFail() {
        Map<String, String> fields = TestSigner.paidNotification("T112", 1);
        fields.put("return_code", "FAIL");
        assertRefused(body(TestSigner.signed(fields, "MD5")), "return_code is FAIL");
    }

    @Test
    void refusesMissingRequiredFields() {
        Map<String, String> fields = TestSigner.paidNotification("T113", 1);
        fields.remove("transaction_id");
        assertRefused(body(TestSigner.signed(fields, "MD5")), "missing transaction_id");
    }

    @Test
    void refusesANonNumericAmountEvenWhenSigned() {
        for (String fee : new String[] {"-1", "1.00", "1e3", "99999999999999999999", " 1"}) {
            Map<String, String> fields = TestSigner.paidNotification("T114", 1);
            fields.put("total_fee", fee);
            assertRefused(body(TestSigner.signed(fields, "MD5")), "total_fee is not a number of fen");
        }
    }

    @Test
    void refusesXxeOversizedTruncatedAndEmptyBodies() {
        assertRefused(("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><appid>&x;</appid></xml>")
                .getBytes(StandardCharsets.UTF_8), "DOCTYPE");
        assertRefused(new byte[10 * 1024 * 1024], "exceeds");
        assertRefused("<xml><appid>wx".getBytes(StandardCharsets.UTF_8), "not well-formed");
        assertRefused(new byte[0], "empty body");
    }

    @Test
    void saysWhichProblemAndTheOutTradeNoTheBodyClaimed() {
        Map<String, String> forged = TestSigner.signed(TestSigner.paidNotification("T120", 5), "MD5");
        forged.put("total_fee", "1");
        Map<String, String> otherMerchant = TestSigner.paidNotification("T121", 5);
        otherMerchant.put("mch_id", "1900000666");
        Map<String, String> failed = TestSigner.paidNotification("T122", 5);
        failed.put("result_code", "FAIL");

        assertProblem(body(forged), InvalidNotificationException.Problem.BAD_SIGNATURE, "T120");
        assertProblem(body(TestSigner.signed(otherMerchant, "MD5")), InvalidNotificationException.Problem.MERCHANT_MISMATCH,
                "T121");
        assertProblem(body(TestSigner.signed(failed, "MD5")), InvalidNotificationException.Problem.NOT_SUCCESS, "T122");
        assertProblem("<xml><appid>wx".getBytes(StandardCharsets.UTF_8), InvalidNotificationException.Problem.MALFORMED,
                null);
    }

    private void assertProblem(byte[] body, InvalidNotificationException.Problem problem, String reference) {
        assertThatThrownBy(() -> client.parseNotification(body))
                .isInstanceOfSatisfying(InvalidNotificationException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.reference()).isEqualTo(reference);
                });
    }

    @Test
    void repliesInWechatsFormat() {
        assertThat(client.notificationReply(true, "OK"))
                .isEqualTo("<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>");
        assertThat(TestSigner.read(client.notificationReply(false, "cannot store")))
                .containsEntry("return_code", "FAIL").containsEntry("return_msg", "cannot store");
    }
}
