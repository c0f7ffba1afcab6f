package com.changgou.sandbox.alipay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.sandbox.alipay.support.AlipayTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signed strings pinned by hand, and the RSA2 signatures pinned by openssl on those exact bytes. */
class Rsa2SigningTest {

    private static Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("timestamp", "2024-07-24 03:07:50");
        parameters.put("method", "alipay.trade.query");
        parameters.put("app_id", "2021000000000001");
        parameters.put("sign_type", "RSA2");
        parameters.put("sign", "ignored");
        parameters.put("charset", "utf-8");
        parameters.put("version", "1.0");
        parameters.put("notify_url", "");
        parameters.put("biz_content", "{\"out_trade_no\":\"A1\",\"subject\":\"畅购 & 测试\"}");
        return parameters;
    }

    @Test
    void aRequestSignsEverythingButSignSortedAndRawIncludingSignType() {
        assertThat(SignContent.REQUEST.of(parameters())).isEqualTo(
                "app_id=2021000000000001&biz_content={\"out_trade_no\":\"A1\",\"subject\":\"畅购 & 测试\"}"
                        + "&charset=utf-8&method=alipay.trade.query&sign_type=RSA2&timestamp=2024-07-24 03:07:50"
                        + "&version=1.0");
    }

    @Test
    void aNotificationLeavesOutSignAndSignType() {
        assertThat(SignContent.NOTIFICATION.of(parameters())).isEqualTo(
                "app_id=2021000000000001&biz_content={\"out_trade_no\":\"A1\",\"subject\":\"畅购 & 测试\"}"
                        + "&charset=utf-8&method=alipay.trade.query&timestamp=2024-07-24 03:07:50&version=1.0");
    }

    @Test
    void rsa2IsWhatOpensslSignsWithSha256OverTheUtf8Bytes() {
        Path key = AlipayTestKeys.alipayPrivate();
        for (SignContent rule : SignContent.values()) {
            String content = rule.of(parameters());
            String ours = Rsa2.sign(content, Rsa2.privateKey(key));
            byte[] openssl = AlipayTestKeys.run(List.of("openssl", "dgst", "-sha256", "-sign", key.toString()),
                    content.getBytes(StandardCharsets.UTF_8));
            assertThat(ours).as(rule.name()).isEqualTo(Base64.getEncoder().encodeToString(openssl));
        }
    }

    @Test
    void opensslVerifiesWhatTheSandboxSignsAndTheSandboxVerifiesWhatOpensslSigns() throws Exception {
        String content = SignContent.REQUEST.of(parameters());
        Path signature = Files.createTempFile(Path.of("target"), "alipay-sig", ".bin");
        try {
            Files.write(signature, Base64.getDecoder().decode(Rsa2.sign(content, Rsa2.privateKey(AlipayTestKeys.alipayPrivate()))));
            byte[] verdict = AlipayTestKeys.run(List.of("openssl", "dgst", "-sha256", "-verify",
                    AlipayTestKeys.alipayPublic().toString(), "-signature", signature.toString()),
                    content.getBytes(StandardCharsets.UTF_8));
            assertThat(new String(verdict, StandardCharsets.UTF_8)).contains("Verified OK");
        } finally {
            Files.deleteIfExists(signature);
        }
        byte[] merchantSigned = AlipayTestKeys.run(List.of("openssl", "dgst", "-sha256", "-sign",
                AlipayTestKeys.appPrivate().toString()), content.getBytes(StandardCharsets.UTF_8));
        var appPublic = Rsa2.publicKey(AlipayTestKeys.appPublic());
        assertThat(Rsa2.verify(content, Base64.getEncoder().encodeToString(merchantSigned), appPublic)).isTrue();
        assertThat(Rsa2.verify(content + " ", Base64.getEncoder().encodeToString(merchantSigned), appPublic)).isFalse();
        assertThat(Rsa2.verify(content, "not base64 !", appPublic)).isFalse();
    }

    @Test
    void yuanParsesExactlyAndRefusesWhatAlipayRefuses() {
        assertThat(Yuan.toFen("88.80")).hasValue(8880);
        assertThat(Yuan.toFen("88.8")).hasValue(8880);
        assertThat(Yuan.toFen("0.01")).hasValue(1);
        assertThat(Yuan.toFen("100")).hasValue(10000);
        for (String bad : new String[] {"1.001", "-1", "1e2", "", "0x10", "1,00", "1."}) {
            assertThat(Yuan.toFen(bad)).as(bad).isEmpty();
        }
        assertThat(Yuan.of(8880)).isEqualTo("88.80");
    }

    @Test
    void timesAreBeijingTime() {
        var instant = java.time.Instant.parse("2024-07-23T19:07:50Z");
        assertThat(AlipayTime.format(instant)).isEqualTo("2024-07-24 03:07:50");
        assertThat(AlipayTime.parse("2024-07-24 03:07:50")).hasValue(instant);
        assertThat(AlipayTime.parse("2024-02-30 03:07:50")).isEmpty();
    }
}
