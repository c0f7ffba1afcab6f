package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.binarywang.wxpay.util.SignUtils;
import org.junit.jupiter.api.Test;

class WechatSignatureTest {

    /** WeChat's published V2 signature example (安全规范 / 签名算法). */
    private static final String EXAMPLE_KEY = "192006250b4c09247ec02edce69f6a2d";

    private static Map<String, String> example() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", "wxd930ea5d5a258f4f");
        fields.put("mch_id", "10000100");
        fields.put("device_info", "1000");
        fields.put("body", "test");
        fields.put("nonce_str", "ibuaiVcKdpRxkhJA");
        return fields;
    }

    @Test
    void md5SignMatchesWechatsPublishedExample() {
        assertThat(WechatSignature.sign(example(), WechatSignType.MD5, EXAMPLE_KEY))
                .isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void hmacSha256SignMatchesWechatsPublishedExample() {
        assertThat(WechatSignature.sign(example(), WechatSignType.HMAC_SHA256, EXAMPLE_KEY))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void wxJavaWhichSignsOurRequestsGivesTheSameExampleSigns() {
        assertThat(SignUtils.createSign(example(), "MD5", EXAMPLE_KEY, new String[0]))
                .isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(SignUtils.createSign(example(), "HMAC-SHA256", EXAMPLE_KEY, new String[0]))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void emptyFieldsAndTheSignItselfAreNotSigned() {
        Map<String, String> fields = example();
        fields.put("attach", "");
        fields.put("sign", "ANYTHING");
        assertThat(WechatSignature.sign(fields, WechatSignType.MD5, EXAMPLE_KEY))
                .isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void verifyAcceptsTheExampleAndRefusesAnyChangedField() {
        Map<String, String> fields = example();
        fields.put("sign", "9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(WechatSignature.verify(fields, WechatSignType.MD5, EXAMPLE_KEY)).isTrue();
        fields.put("body", "test2");
        assertThat(WechatSignature.verify(fields, WechatSignType.MD5, EXAMPLE_KEY)).isFalse();
    }

    @Test
    void verifyRefusesAMessageWithoutSign() {
        assertThat(WechatSignature.verify(example(), WechatSignType.MD5, EXAMPLE_KEY)).isFalse();
    }

    /**
     * The gap this package closes: WxJava's checkSign leaves fields named key, xmlString, xmlDoc
     * and couponList out, so such a field can be slipped into a signed message unnoticed.
     */
    @Test
    void aFieldWxJavaSkipsIsStillSignedHere() {
        Map<String, String> fields = example();
        fields.put("sign", "9A0A8659F005D6984697E2CA0A9CF3B7");
        fields.put("xmlString", "added after signing");
        assertThat(SignUtils.checkSign(fields, "MD5", EXAMPLE_KEY)).isTrue();
        assertThat(WechatSignature.verify(fields, WechatSignType.MD5, EXAMPLE_KEY)).isFalse();
    }

    @Test
    void testSignerAgreesWithProductionSigner() {
        Map<String, String> fields = TestSigner.paidNotification("T1", 1);
        assertThat(WechatSignature.sign(fields, WechatSignType.HMAC_SHA256, TestSigner.KEY))
                .isEqualTo(TestSigner.sign(fields, "HMAC-SHA256", TestSigner.KEY));
    }
}
