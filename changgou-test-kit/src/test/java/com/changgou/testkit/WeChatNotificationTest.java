package com.changgou.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WeChatNotificationTest {

    private static final String KEY = "sandboxkey0000000000000000000000";
    private final WeChatNotification signer = new WeChatNotification("wx8888888888888888", "1900000001", KEY);

    @Test
    void signFollowsTheFieldsSignTypeAndSkipsEmptyFieldsAndTheSign() {
        Map<String, String> fields = new TreeMap<>(Map.of("b", "2", "a", "1", "empty", "", "sign", "ignored"));

        assertThat(signer.sign(fields)).isEqualTo(MerchantSign.MD5.sign(Map.of("a", "1", "b", "2"), KEY));
        fields.put("sign_type", "HMAC-SHA256");
        assertThat(signer.sign(fields)).isEqualTo(MerchantSign.HMAC_SHA256.sign(fields, KEY));
    }

    @Test
    void hmacSha256OfASmallMessageIsWhatAnyHmacGives() {
        // HMAC-SHA256 of "a=1&b=2&key=sandboxkey0000000000000000000000" under the same key (Python's hmac agrees)
        assertThat(MerchantSign.HMAC_SHA256.sign(Map.of("b", "2", "a", "1"), KEY))
                .isEqualTo("D45E6F2C9851401C434F2592D970D50C4B057104E1C4D188350B0F3868D7C27E");
    }

    @Test
    void aPaidNotificationIsSignedHmacSha256AndAnyChangeBreaksTheSign() {
        Map<String, String> fields = signer.paidFields("T1", 100);

        assertThat(fields).containsEntry("sign_type", "HMAC-SHA256").containsEntry("out_trade_no", "T1")
                .containsEntry("total_fee", "100").containsEntry("appid", "wx8888888888888888");
        assertThat(fields.get("sign")).isEqualTo(MerchantSign.HMAC_SHA256.sign(fields, KEY));
        fields.put("total_fee", "1");
        assertThat(fields.get("sign")).isNotEqualTo(signer.sign(fields));
    }

    @Test
    void eachNotificationIsANewTransaction() {
        assertThat(signer.paidFields("T1", 1).get("transaction_id"))
                .isNotEqualTo(signer.paidFields("T1", 1).get("transaction_id"));
    }

    @Test
    void theXmlCarriesEveryFieldInCdata() {
        assertThat(signer.paid("T1", 100)).startsWith("<xml>").endsWith("</xml>")
                .contains("<out_trade_no><![CDATA[T1]]></out_trade_no>")
                .contains("<total_fee><![CDATA[100]]></total_fee>").contains("<sign><![CDATA[");
    }

    @Test
    void onlyAnExplicitSuccessIsAnAcknowledgement() {
        assertThat(WeChatNotification.acknowledged("<xml><return_code><![CDATA[SUCCESS]]></return_code></xml>")).isTrue();
        assertThat(WeChatNotification.acknowledged("<xml><return_code>SUCCESS</return_code></xml>")).isTrue();
        assertThat(WeChatNotification.acknowledged("<xml><return_code><![CDATA[FAIL]]></return_code></xml>")).isFalse();
    }
}
