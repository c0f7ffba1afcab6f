package com.changgou.pay.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class AlipayPropertiesTest {

    static AlipayProperties props(String gateway, String privateKey, String publicKey, String notify) {
        return new AlipayProperties("2021000000000001", URI.create(gateway), privateKey, publicKey, notify,
                "https://shop.example.com/paysuccess", null, null, null, null, null);
    }

    @Test
    void withoutKeysAlipayIsOffAndEveryCallSaysSo() {
        AlipayClient client = new AlipayClient(props("http://127.0.0.1:9090/alipay/gateway.do", "", " ",
                "http://127.0.0.1:8080/api/pay/alipay/notify"), Clock.systemUTC());

        assertThat(client.configured()).isFalse();
        assertThatThrownBy(() -> client.queryTrade("42-A")).isInstanceOf(AlipayNotConfiguredException.class)
                .hasMessage("Alipay is not configured");
        assertThatThrownBy(() -> client.parseNotification(new byte[0])).isInstanceOf(AlipayNotConfiguredException.class);
    }

    @Test
    void oneKeyWithoutTheOtherIsRefused() {
        assertThatThrownBy(() -> props("https://openapi.alipay.com/gateway.do", "/k.pem", "", "https://x.example/n"))
                .hasMessageContaining("ALIPAY_APP_PRIVATE_KEY and ALIPAY_PUBLIC_KEY");
    }

    @Test
    void toStringNamesNoKey() {
        AlipayProperties p = props("https://openapi.alipay.com/gateway.do",
                AlipayTestKeys.file("app-private.pem").toString(), AlipayTestKeys.file("alipay-public.pem").toString(),
                "https://shop.example.com/notify");

        assertThat(p.toString()).doesNotContain("app-private.pem").doesNotContain("BEGIN");
    }

    @Test
    void prodRefusesTheSandboxGatewayAndMissingKeys() {
        assertThat(ProductionAlipay.testSettings(props("http://127.0.0.1:9090/alipay/gateway.do", null, null,
                "http://127.0.0.1:8080/api/pay/alipay/notify")))
                .anyMatch(w -> w.contains("ALIPAY_GATEWAY_URL"))
                .anyMatch(w -> w.contains("not set"))
                .anyMatch(w -> w.contains("ALIPAY_NOTIFY_URL"));
        assertThat(ProductionAlipay.testSettings(props("https://openapi.alipay.com/gateway.do",
                AlipayTestKeys.file("app-private.pem").toString(), AlipayTestKeys.file("alipay-public.pem").toString(),
                "https://shop.example.com/notify"))).isEmpty();
    }
}
