package com.changgou.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.sandbox.alipay.protocol.AlipayKeys;
import org.junit.jupiter.api.Test;

class AlipayOffTest {

    @Test
    void withoutKeysAlipayIsOffAndSaysWhichVariablesToSet() {
        AlipayKeys keys = new AlipayKeys(new AlipayProperties(null, null, "", ""));
        assertThat(keys.on()).isFalse();
        assertThatThrownBy(() -> keys.sign("x")).hasMessageContaining("SANDBOX_ALIPAY_PRIVATE_KEY");
    }

    @Test
    void aKeyPathThatCannotBeReadStopsTheStart() {
        assertThatThrownBy(() -> new AlipayKeys(new AlipayProperties(null, null, "/nonexistent/a.pem", "/nonexistent/b.pem")))
                .hasMessageContaining("/nonexistent/a.pem");
    }

    @Test
    void theDefaultsAreTheContractsAppAndSeller() {
        AlipayProperties properties = new AlipayProperties(null, "", null, null);
        assertThat(properties.appId()).isEqualTo("2021000000000001");
        assertThat(properties.sellerId()).isEqualTo("2088000000000001");
    }
}
