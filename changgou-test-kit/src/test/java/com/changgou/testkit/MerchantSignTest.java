package com.changgou.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerchantSignTest {

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
    void md5SignIsWeChatsPublishedExample() {
        assertThat(MerchantSign.MD5.sign(example(), EXAMPLE_KEY)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void hmacSha256SignIsWeChatsPublishedExample() {
        assertThat(MerchantSign.HMAC_SHA256.sign(example(), EXAMPLE_KEY))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void emptyFieldsAndTheSignItselfAreNotSigned() {
        Map<String, String> fields = example();
        fields.put("attach", "");
        fields.put("sign", "ANYTHING");

        assertThat(MerchantSign.MD5.sign(fields, EXAMPLE_KEY)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void aMessageWithoutSignTypeIsMd5AndAnUnknownOneIsRefusedByName() {
        assertThat(MerchantSign.of(null)).isEqualTo(MerchantSign.MD5);
        assertThat(MerchantSign.of("")).isEqualTo(MerchantSign.MD5);
        assertThat(MerchantSign.of("HMAC-SHA256")).isEqualTo(MerchantSign.HMAC_SHA256);
        assertThatThrownBy(() -> MerchantSign.of("SHA1")).hasMessageContaining("sign_type SHA1");
    }
}
