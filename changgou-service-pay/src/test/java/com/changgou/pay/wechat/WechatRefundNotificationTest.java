package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.changgou.pay.api.RefundState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Refund notifications: req_info decrypted with AES-256-ECB under md5hex(key), pinned against vectors
 * that openssl made, never the code under test; everything else refused and said why.
 */
class WechatRefundNotificationTest {

    /** md5hex(TestSigner.KEY) = "255e1bc4293765c4363ed4d7d0c86b9c", as the hex of its ASCII bytes (openssl's -K). */
    private static final String OPENSSL_KEY = "3235356531626334323933373635633433363365643464376430633836623963";

    private static final String DETAILS = "<root><out_refund_no><![CDATA[RF1001]]></out_refund_no>"
            + "<out_trade_no><![CDATA[T1001]]></out_trade_no><refund_fee><![CDATA[300]]></refund_fee>"
            + "<refund_id><![CDATA[50300000001]]></refund_id><refund_status><![CDATA[SUCCESS]]></refund_status>"
            + "<success_time><![CDATA[2026-12-01 13:00:00]]></success_time><total_fee><![CDATA[1000]]></total_fee>"
            + "<transaction_id><![CDATA[4200000001]]></transaction_id></root>";

    /**
     * DETAILS encrypted once with openssl 3.0:
     * {@code printf '%s' "$DETAILS" | openssl enc -aes-256-ecb -K $OPENSSL_KEY -nosalt -base64 -A}
     */
    private static final String OPENSSL_REQ_INFO = "29u3zQYYIz7pdkGLtWVdh4bsqZJPiornIF9Y6RjPT1bbT4nCJHr5Xax1uCjZjn/S1ZjRvHQxbO3m"
            + "/VlVPTHlIw1/f3hv454LxMX5vb4MKnsy01CdXaC6qX4wlfzWxardDotQzkjju3C3hzVm5WwLmTP13MfAZMdfuAQJDcdgIhE5rDWoNFuxl8Hd"
            + "t0G9XsZoBkgEmQ/FDz19WgoytMtqSgEsxQCWl4fwJBjm3Hk3Ok1gNOdxZrcW1ELWjalq61JGFTvZvX+us+DwLgcqcw8e9dxwEVEisbAdYRWJ"
            + "0pM7TfNYq0TpuFR1p0N9M65IwxBLZjMK83FpzfsX/4Z2Hi659ovtvqpF3BHd6Rvp8ry1+eucd2UczYOphwI46SxSNaQoWqkAFL7l9H1NhKzz"
            + "+v1xEB+AUGltiBPlU2+2SpphdkuuLTygxpp9YS+wvDEX9L4/LzRWVvlI2etzQp5jF+0RY2i1fpwyT1SuOFIkLBo4TNErtmP/Uiw+ZhVytPI2"
            + "21w68E3OM7O2ZsD2upPPIxGLGw==";

    private final WechatPayClient client = new WechatPayClient(TestSigner.properties("http://127.0.0.1:1",
            WechatSignType.HMAC_SHA256));

    private static byte[] body(String reqInfo, String appId, String mchId) {
        return ("<xml><return_code>SUCCESS</return_code><appid><![CDATA[%s]]></appid><mch_id><![CDATA[%s]]></mch_id>"
                + "<nonce_str><![CDATA[0b9f35f484df17a7]]></nonce_str><req_info><![CDATA[%s]]></req_info></xml>")
                .formatted(appId, mchId, reqInfo).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] body(String reqInfo) {
        return body(reqInfo, TestSigner.APP_ID, TestSigner.MCH_ID);
    }

    @Test
    void theAesKeyIsTheAsciiOfTheLowerCaseHexMd5OfTheMerchantKey() {
        assertThat(HexFormat.of().formatHex(WechatRefundNotifications.aesKey(TestSigner.KEY))).isEqualTo(OPENSSL_KEY);
    }

    @Test
    void aReqInfoOpensslEncryptedDecryptsToTheRefundsDetails() {
        RefundNotification notification = client.parseRefundNotification(body(OPENSSL_REQ_INFO));

        assertThat(notification).isEqualTo(new RefundNotification("RF1001", "T1001", "4200000001", "50300000001", 1000,
                300, RefundState.SUCCESS, Instant.parse("2026-12-01T05:00:00Z"), DETAILS));
    }

    @Test
    void aReqInfoThatOpensslEncryptsNowDecryptsToo() throws Exception {
        String details = DETAILS.replace("RF1001", "RF-" + System.nanoTime()).replace("SUCCESS", "REFUNDCLOSE");
        String reqInfo = openssl(details.getBytes(StandardCharsets.UTF_8));

        RefundNotification notification = client.parseRefundNotification(body(reqInfo));

        assertThat(notification.state()).isEqualTo(RefundState.REFUNDCLOSE);
        assertThat(notification.details()).isEqualTo(details);
    }

    @Test
    void anotherKeyATamperedBlockOrNoBase64DoNotDecrypt() {
        WechatPayClient stranger = new WechatPayClient(new WechatPayProperties(java.net.URI.create("http://127.0.0.1:1"),
                TestSigner.APP_ID, TestSigner.MCH_ID, "strangerkey000000000000000000000", WechatSignType.MD5,
                "http://127.0.0.1:1/notify", null, null, null, null, null, null, null, "http://127.0.0.1:1/refund"));
        assertThatThrownBy(() -> stranger.parseRefundNotification(body(OPENSSL_REQ_INFO)))
                .isInstanceOf(InvalidNotificationException.class).hasMessageContaining("does not decrypt under our key")
                .message().doesNotContain("strangerkey");
        assertThatThrownBy(() -> stranger.parseRefundNotification(body(OPENSSL_REQ_INFO)))
                .isInstanceOfSatisfying(InvalidNotificationException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidNotificationException.Problem.DECRYPT_FAILED));

        byte[] cipher = Base64.getDecoder().decode(OPENSSL_REQ_INFO);
        cipher[cipher.length - 3] ^= 0x40;
        assertThatThrownBy(() -> client.parseRefundNotification(body(Base64.getEncoder().encodeToString(cipher))))
                .isInstanceOf(InvalidNotificationException.class);

        assertThatThrownBy(() -> client.parseRefundNotification(body("not*base64")))
                .isInstanceOf(InvalidNotificationException.class).hasMessage("req_info is not Base64");
        assertThatThrownBy(() -> client.parseRefundNotification(body(OPENSSL_REQ_INFO.substring(0, 20))))
                .isInstanceOf(InvalidNotificationException.class).hasMessageContaining("not whole AES blocks");
    }

    @Test
    void anotherMerchantOrAppOrAFailureIsRefusedBeforeDecrypting() {
        assertThatThrownBy(() -> client.parseRefundNotification(body(OPENSSL_REQ_INFO, TestSigner.APP_ID, "1900000001")))
                .hasMessage("mch_id 1900000001 is not ours");
        assertThatThrownBy(() -> client.parseRefundNotification(body(OPENSSL_REQ_INFO, "wx8888888888888888", TestSigner.MCH_ID)))
                .hasMessage("appid wx8888888888888888 is not ours");
        assertThatThrownBy(() -> client.parseRefundNotification(
                "<xml><return_code>FAIL</return_code><return_msg>x</return_msg></xml>".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("return_code is FAIL, not SUCCESS");
    }

    @Test
    void decryptedDetailsAreParsedAsWarilyAsAnyBody() throws Exception {
        for (String details : List.of(
                "<!DOCTYPE root [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><root><out_refund_no>&x;</out_refund_no></root>",
                "<xml><out_refund_no>RF1</out_refund_no></xml>",
                DETAILS.replace("SUCCESS", "PROCESSING"),
                DETAILS.replace("<refund_fee><![CDATA[300]]></refund_fee>", ""),
                DETAILS.replace("[300]", "[-300]"))) {
            assertThatThrownBy(() -> client.parseRefundNotification(body(openssl(details.getBytes(StandardCharsets.UTF_8)))))
                    .as(details).isInstanceOf(InvalidNotificationException.class);
        }
    }

    /** openssl's own AES-256-ECB of {@code plain}, Base64: a second implementation, not ours. */
    private static String openssl(byte[] plain) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("openssl", "enc", "-aes-256-ecb", "-K", OPENSSL_KEY, "-nosalt", "-base64", "-A")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "openssl is not installed");
            throw e;
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(plain);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(process.waitFor()).isZero();
        return out;
    }
}
