package com.changgou.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeChatRefundNotificationTest {

    private final WeChatRefundNotification wechat =
            new WeChatRefundNotification("wx8888888888888888", "1900000001", "sandboxkey0000000000000000000000");

    @Test
    void theKeyIsTheLowerCaseHexMd5OfTheMerchantKey() {
        // md5("sandboxkey0000000000000000000000"), from `printf %s sandboxkey0000000000000000000000 | md5sum`
        assertThat(new String(WeChatRefundNotification.aesKey("sandboxkey0000000000000000000000"), StandardCharsets.US_ASCII))
                .isEqualTo(md5sum("sandboxkey0000000000000000000000"));
    }

    @Test
    void reqInfoDecryptsWithOpenssl() throws Exception {
        Map<String, String> details = WeChatRefundNotification.details("T1", "42001", "R1", "50001", 2500, 1000, "SUCCESS");

        byte[] cipher = Base64.getDecoder().decode(wechat.reqInfo(details));
        String plain = openssl(cipher, HexFormat.of().formatHex(WeChatRefundNotification.aesKey("sandboxkey0000000000000000000000")));

        assertThat(plain).startsWith("<root><transaction_id><![CDATA[42001]]></transaction_id>")
                .contains("<out_refund_no><![CDATA[R1]]></out_refund_no>", "<refund_fee><![CDATA[1000]]></refund_fee>")
                .endsWith("</root>");
    }

    @Test
    void theBodyCarriesTheMerchantAndNoSign() {
        String body = wechat.body(WeChatRefundNotification.details("T1", "42001", "R1", "50001", 2500, 1000, "SUCCESS"));

        assertThat(body).contains("<appid><![CDATA[wx8888888888888888]]></appid>", "<mch_id><![CDATA[1900000001]]></mch_id>",
                "<req_info><![CDATA[").doesNotContain("<sign>");
    }

    private static String md5sum(String text) {
        return run(text.getBytes(StandardCharsets.UTF_8), "md5sum").split(" ")[0];
    }

    /** Decrypts with the openssl command line: an implementation that shares nothing with ours. */
    private static String openssl(byte[] cipher, String hexKey) {
        return run(cipher, "openssl", "enc", "-d", "-aes-256-ecb", "-K", hexKey);
    }

    private static String run(byte[] input, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            process.getInputStream().transferTo(out);
            assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(String.join(" ", command), e);
        }
    }
}
