package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Binds {@code pay.wechat} from the module's real application.yml / application-prod.yml in a
 * context holding only this package's configuration: no database, broker or Eureka needed.
 */
class WechatPayPropertiesTest {

    /** The properties come as command-line arguments, which outrank application.yml as in a real start. */
    private static ConfigurableApplicationContext start(String profile, String... properties) {
        return new SpringApplicationBuilder(WechatPayConfiguration.class)
                .web(WebApplicationType.NONE)
                .profiles(profile)
                .properties("eureka.client.enabled=false", "spring.main.banner-mode=off")
                .run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }

    @Test
    void defaultsPointAtTheLocalSandbox() {
        assumeTrue(System.getenv("WXPAY_BASE_URL") == null && System.getenv("WXPAY_KEY") == null);
        try (ConfigurableApplicationContext context = start("default")) {
            WechatPayProperties properties = context.getBean(WechatPayProperties.class);
            assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9090"));
            assertThat(properties.signType()).isEqualTo(WechatSignType.HMAC_SHA256);
            assertThat(properties.key()).hasSize(32);
            assertThat(properties.maxAttempts()).isEqualTo(3);
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.toString()).doesNotContain(properties.key());
            assertThat(context.getBean(WechatPayClient.class)).isNotNull();
        }
    }

    @Test
    void signTypeBindsFromWechatsSpelling() {
        try (ConfigurableApplicationContext context = start("default", "pay.wechat.sign-type=MD5")) {
            assertThat(context.getBean(WechatPayProperties.class).signType()).isEqualTo(WechatSignType.MD5);
        }
    }

    @Test
    void prodRefusesToStartWithoutAMerchantKey() {
        assumeTrue(System.getenv("WXPAY_KEY") == null);
        assertThatThrownBy(() -> start("prod", "WXPAY_MCH_ID=1230000109", "WXPAY_APPID=wxd678efh567hg6787",
                "WXPAY_NOTIFY_URL=https://shop.example/api/pay/wxpay/notify").close())
                .rootCause()
                .hasMessageContaining("WXPAY_KEY")
                .hasMessageContaining("pay.wechat.key is not set");
    }

    private static String[] A_REAL_MERCHANT;

    /** A merchant as prod needs it, with its own apiclient_cert.p12 (made by scripts/wxpay-certs.sh). */
    @BeforeAll
    static void aRealMerchant() throws Exception {
        MerchantCerts certs = MerchantCerts.make("wxpay-certs-prod", "1230000109");
        A_REAL_MERCHANT = new String[]{"WXPAY_KEY=prodkey0123456789abcdef012345678",
                "WXPAY_MCH_ID=1230000109", "WXPAY_APPID=wxd678efh567hg6787",
                "WXPAY_NOTIFY_URL=https://shop.example/api/pay/wxpay/notify",
                "WXPAY_REFUND_NOTIFY_URL=https://shop.example/api/pay/wxpay/refund/notify",
                "WXPAY_CERT_PATH=" + certs.merchant()};
    }

    /** The real merchant with these settings added or put in place of its own. */
    private static String[] aRealMerchantWith(String... more) {
        java.util.Set<String> names = java.util.Arrays.stream(more).map(m -> m.substring(0, m.indexOf('=')))
                .collect(java.util.stream.Collectors.toSet());
        return java.util.stream.Stream.concat(java.util.Arrays.stream(A_REAL_MERCHANT)
                        .filter(m -> !names.contains(m.substring(0, m.indexOf('=')))), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    @Test
    void prodTalksToTheRealWechatWithTheMerchantFromTheEnvironment() {
        assumeTrue(System.getenv("WXPAY_BASE_URL") == null);
        try (ConfigurableApplicationContext context = start("prod", A_REAL_MERCHANT)) {
            WechatPayProperties properties = context.getBean(WechatPayProperties.class);
            assertThat(properties.baseUrl()).isEqualTo(URI.create("https://api.mch.weixin.qq.com"));
            assertThat(properties.secureBaseUrl()).isEqualTo(URI.create("https://api.mch.weixin.qq.com"));
            assertThat(properties.key()).isEqualTo("prodkey0123456789abcdef012345678");
            assertThat(properties.hasCertificate()).isTrue();
        }
    }

    @Test
    void prodHasNoDefaultMerchant() {
        assumeTrue(System.getenv("WXPAY_APPID") == null && System.getenv("WXPAY_MCH_ID") == null);
        assertThatThrownBy(() -> start("prod", "WXPAY_KEY=prodkey0123456789abcdef012345678").close())
                .rootCause()
                .hasMessageMatching(".*(WXPAY_APPID|WXPAY_MCH_ID|WXPAY_NOTIFY_URL).*");
    }

    @Test
    void prodRefusesTheSandboxsKeyMerchantAndApp() {
        assertThatThrownBy(() -> start("prod", "WXPAY_KEY=" + ProductionMerchant.SANDBOX_KEY,
                "WXPAY_MCH_ID=" + ProductionMerchant.SANDBOX_MCH_ID, "WXPAY_APPID=" + ProductionMerchant.SANDBOX_APP_ID,
                "WXPAY_NOTIFY_URL=https://shop.example/api/pay/wxpay/notify",
                "WXPAY_REFUND_NOTIFY_URL=https://shop.example/api/pay/wxpay/refund/notify").close())
                .rootCause()
                .hasMessageContaining("prod profile refuses test settings")
                .hasMessageContaining("WXPAY_KEY is the sandbox's key")
                .hasMessageContaining("WXPAY_MCH_ID is the sandbox's merchant")
                .hasMessageContaining("WXPAY_APPID is the sandbox's app")
                .message().doesNotContain(ProductionMerchant.SANDBOX_KEY);
    }

    @Test
    void prodRefusesASandboxOrPlainHttpBaseUrlAndALocalNotifyUrl() {
        for (String baseUrl : new String[]{"http://127.0.0.1:9090", "https://sandbox:9090", "https://10.0.0.7",
                "http://api.mch.weixin.qq.com", "https://localhost"}) {
            String[] settings = java.util.stream.Stream.concat(java.util.Arrays.stream(A_REAL_MERCHANT),
                    java.util.stream.Stream.of("WXPAY_BASE_URL=" + baseUrl)).toArray(String[]::new);
            assertThatThrownBy(() -> start("prod", settings).close()).as(baseUrl)
                    .rootCause().hasMessageContaining("WXPAY_BASE_URL " + baseUrl + " is not WeChat Pay over https");
        }
        assertThatThrownBy(() -> start("prod", "WXPAY_KEY=prodkey0123456789abcdef012345678", "WXPAY_MCH_ID=1230000109",
                "WXPAY_APPID=wxd678efh567hg6787", "WXPAY_NOTIFY_URL=http://127.0.0.1:8080/api/pay/wxpay/notify",
                "WXPAY_REFUND_NOTIFY_URL=https://shop.example/api/pay/wxpay/refund/notify").close())
                .rootCause().hasMessageContaining("WXPAY_NOTIFY_URL http://127.0.0.1:8080/api/pay/wxpay/notify is not a public https address");
    }

    @Test
    void refundsDefaultToTheSandboxsTlsPortAndStartWithoutACertificate() {
        assumeTrue(System.getenv("WXPAY_SECURE_BASE_URL") == null && System.getenv("WXPAY_CERT_PATH") == null);
        try (ConfigurableApplicationContext context = start("default")) {
            WechatPayProperties properties = context.getBean(WechatPayProperties.class);
            assertThat(properties.secureBaseUrl()).isEqualTo(URI.create("https://127.0.0.1:9443"));
            assertThat(properties.hasCertificate()).isFalse();
            assertThat(properties.refundNotifyUrl()).isEqualTo("http://127.0.0.1:8080/api/pay/wxpay/refund/notify");
        }
    }

    @Test
    void prodRefusesRefundsWithoutACertificateOrWithTheSandboxsTrustOrPlainHttp() {
        String[] noCertificate = java.util.Arrays.stream(A_REAL_MERCHANT).filter(s -> !s.startsWith("WXPAY_CERT_PATH"))
                .toArray(String[]::new);
        assertThatThrownBy(() -> start("prod", noCertificate).close()).rootCause()
                .hasMessageContaining("WXPAY_CERT_PATH is not set");
        assertThatThrownBy(() -> start("prod", aRealMerchantWith("WXPAY_TRUST_CA=/tmp/ca.pem")).close()).rootCause()
                .hasMessageContaining("WXPAY_TRUST_CA is set");
        for (String secure : new String[]{"http://api.mch.weixin.qq.com", "https://127.0.0.1:9443", "https://sandbox:9443"}) {
            assertThatThrownBy(() -> start("prod", aRealMerchantWith("WXPAY_SECURE_BASE_URL=" + secure)).close())
                    .as(secure).rootCause().hasMessageContaining("WXPAY_SECURE_BASE_URL " + secure + " is not WeChat Pay over https");
        }
        assertThatThrownBy(() -> start("prod", aRealMerchantWith(
                "WXPAY_REFUND_NOTIFY_URL=http://shop.example/api/pay/wxpay/refund/notify")).close())
                .rootCause().hasMessageContaining("WXPAY_REFUND_NOTIFY_URL http://shop.example/api/pay/wxpay/refund/notify"
                        + " is not a public https address");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> start("default", "pay.wechat.key=short-secret").close())
                .rootCause()
                .hasMessageContaining("must be 32 characters")
                .message().doesNotContain("short-secret");
    }
}
