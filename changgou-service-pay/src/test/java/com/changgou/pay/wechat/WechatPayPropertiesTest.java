package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;

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
        assertThatThrownBy(() -> start("prod").close())
                .rootCause()
                .hasMessageContaining("WXPAY_KEY")
                .hasMessageContaining("pay.wechat.key is not set");
    }

    @Test
    void prodTalksToTheRealWechatWithTheKeyFromTheEnvironment() {
        assumeTrue(System.getenv("WXPAY_BASE_URL") == null);
        try (ConfigurableApplicationContext context = start("prod", "WXPAY_KEY=prodkey0123456789abcdef012345678")) {
            WechatPayProperties properties = context.getBean(WechatPayProperties.class);
            assertThat(properties.baseUrl()).isEqualTo(URI.create("https://api.mch.weixin.qq.com"));
            assertThat(properties.key()).isEqualTo("prodkey0123456789abcdef012345678");
        }
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> start("default", "pay.wechat.key=short-secret").close())
                .rootCause()
                .hasMessageContaining("must be 32 characters")
                .message().doesNotContain("short-secret");
    }
}
