package com.changgou.pay.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSA2 pinned against an implementation that is not ours: {@code openssl dgst -sha256 -sign / -verify}. */
class AlipaySignatureTest {

    @TempDir
    Path tmp;

    static final Map<String, String> REQUEST = new LinkedHashMap<>();

    static {
        REQUEST.put("app_id", "2021000000000001");
        REQUEST.put("method", "alipay.trade.wap.pay");
        REQUEST.put("charset", "utf-8");
        REQUEST.put("sign_type", "RSA2");
        REQUEST.put("timestamp", "2026-12-01 12:00:00");
        REQUEST.put("version", "1.0");
        REQUEST.put("format", "JSON");
        REQUEST.put("notify_url", "http://127.0.0.1:8080/api/pay/alipay/notify");
        REQUEST.put("return_url", "http://127.0.0.1:8080/api/wxpay/paysuccess?orderId=42&x=1");
        REQUEST.put("empty", "");
        REQUEST.put("biz_content", "{\"out_trade_no\":\"42-A\",\"total_amount\":\"12.30\",\"subject\":\"畅购 order & more=\"}");
        REQUEST.put("sign", "old");
    }

    @Test
    void aRequestIsSignedOverEveryParameterButSignSortedWithRawValuesAndSignTypeIncluded() {
        assertThat(AlipaySignature.content(REQUEST, AlipaySignature.REQUEST_UNSIGNED)).isEqualTo(
                "app_id=2021000000000001&biz_content={\"out_trade_no\":\"42-A\",\"total_amount\":\"12.30\","
                        + "\"subject\":\"畅购 order & more=\"}&charset=utf-8&format=JSON"
                        + "&method=alipay.trade.wap.pay&notify_url=http://127.0.0.1:8080/api/pay/alipay/notify"
                        + "&return_url=http://127.0.0.1:8080/api/wxpay/paysuccess?orderId=42&x=1"
                        + "&sign_type=RSA2&timestamp=2026-12-01 12:00:00&version=1.0");
    }

    @Test
    void aNotificationLeavesOutSignAndSignType() {
        assertThat(AlipaySignature.content(Map.of("b", "2", "a", "1", "sign", "x", "sign_type", "RSA2"),
                AlipaySignature.NOTIFICATION_UNSIGNED)).isEqualTo("a=1&b=2");
    }

    @Test
    void ourSignatureVerifiesWithOpenssl() throws IOException {
        String content = AlipaySignature.content(REQUEST, AlipaySignature.REQUEST_UNSIGNED);
        String sign = AlipaySignature.sign(content, AlipayTestKeys.privateKey("app-private.pem"));
        Path data = Files.writeString(tmp.resolve("content"), content, StandardCharsets.UTF_8);
        Path signature = Files.write(tmp.resolve("sig"), Base64.getDecoder().decode(sign));

        byte[] out = AlipayTestKeys.run("openssl", "dgst", "-sha256", "-verify",
                AlipayTestKeys.file("app-public.pem").toString(), "-signature", signature.toString(), data.toString());

        assertThat(new String(out)).contains("Verified OK");
    }

    @Test
    void opensslsSignatureVerifiesHereAndNothingElseDoes() throws IOException {
        String content = "app_id=2021000000000001&out_trade_no=42-A&total_amount=25.99&trade_status=TRADE_SUCCESS";
        Path data = Files.writeString(tmp.resolve("content"), content, StandardCharsets.UTF_8);
        String sign = Base64.getEncoder().encodeToString(AlipayTestKeys.run("openssl", "dgst", "-sha256", "-sign",
                AlipayTestKeys.file("alipay-private.pem").toString(), data.toString()));
        var alipay = AlipayTestKeys.publicKey("alipay-public.pem");

        assertThat(AlipaySignature.verify(content, sign, alipay)).isTrue();
        assertThat(AlipaySignature.verify(content.replace("25.99", "0.01"), sign, alipay)).isFalse();
        assertThat(AlipaySignature.verify(content, sign, AlipayTestKeys.publicKey("app-public.pem"))).isFalse();
        assertThat(AlipaySignature.verify(content, "not base64!", alipay)).isFalse();
        assertThat(AlipaySignature.verify(content, null, alipay)).isFalse();
    }
}
