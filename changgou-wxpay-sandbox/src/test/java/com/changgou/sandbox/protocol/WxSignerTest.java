package com.changgou.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxSignerTest {

    /** WeChat's published example (安全规范 / 签名算法), key 192006250b4c09247ec02edce69f6a2d. */
    private static final WxSigner WECHAT_EXAMPLE = new WxSigner("192006250b4c09247ec02edce69f6a2d");

    private static Map<String, String> exampleFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", "wxd930ea5d5a258f4f");
        fields.put("mch_id", "10000100");
        fields.put("device_info", "1000");
        fields.put("body", "test");
        fields.put("nonce_str", "ibuaiVcKdpRxkhJA");
        return fields;
    }

    @Test
    void signsWechatsExampleWithMd5() {
        assertThat(WECHAT_EXAMPLE.sign(exampleFields(), SignType.MD5)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void signsWechatsExampleWithHmacSha256() {
        assertThat(WECHAT_EXAMPLE.sign(exampleFields(), SignType.HMAC_SHA256))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void buildsTheSigningTextSortedWithoutEmptyFieldsOrSign() {
        Map<String, String> fields = new HashMap<>(exampleFields());
        fields.put("sign", "WHATEVER");
        fields.put("attach", "");
        assertThat(WECHAT_EXAMPLE.signingText(fields)).isEqualTo(
                "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA"
                        + "&key=192006250b4c09247ec02edce69f6a2d");
        assertThat(WECHAT_EXAMPLE.sign(fields, SignType.MD5)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void verifiesOnlyTheExactSignatureOfTheChosenType() {
        Map<String, String> fields = new HashMap<>(exampleFields());
        fields.put("sign", "9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(WECHAT_EXAMPLE.verify(fields, SignType.MD5)).isTrue();
        assertThat(WECHAT_EXAMPLE.verify(fields, SignType.HMAC_SHA256)).isFalse();
        fields.put("sign", "9a0a8659f005d6984697e2ca0a9cf3b7");
        assertThat(WECHAT_EXAMPLE.verify(fields, SignType.MD5)).isFalse();
        fields.put("sign", "9A0A8659F005D6984697E2CA0A9CF3B7");
        fields.put("body", "tampered");
        assertThat(WECHAT_EXAMPLE.verify(fields, SignType.MD5)).isFalse();
        fields.remove("sign");
        assertThat(WECHAT_EXAMPLE.verify(fields, SignType.MD5)).isFalse();
    }

    @Test
    void readsSignTypesAsWechatNamesThem() {
        assertThat(SignType.fromWire(null)).contains(SignType.MD5);
        assertThat(SignType.fromWire("")).contains(SignType.MD5);
        assertThat(SignType.fromWire("MD5")).contains(SignType.MD5);
        assertThat(SignType.fromWire("HMAC-SHA256")).contains(SignType.HMAC_SHA256);
        assertThat(SignType.fromWire("SHA1")).isEmpty();
    }
}
