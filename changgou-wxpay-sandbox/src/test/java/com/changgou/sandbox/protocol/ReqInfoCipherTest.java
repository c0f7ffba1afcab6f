package com.changgou.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** req_info pinned by vectors that openssl computed, not by the cipher under test. */
class ReqInfoCipherTest {

    private static final String KEY = "sandboxkey0000000000000000000000";
    private static final String PLAINTEXT = "<root><out_refund_no>R1</out_refund_no><refund_fee>1</refund_fee>"
            + "<refund_status>SUCCESS</refund_status></root>";
    /**
     * Computed once with openssl 3.0:
     * {@code M=$(printf %s sandboxkey0000000000000000000000 | openssl md5 -r | cut -d' ' -f1)}
     * ({@code 631aa614e72acb572699ec799604c78d}), then
     * {@code printf %s "$PLAINTEXT" | openssl enc -aes-256-ecb -K $(printf %s $M | xxd -p -c 256) -nosalt -a -A}.
     */
    private static final String OPENSSL_VECTOR = "mdwTuUOqWIxhzDQKSVTbJgAWKCsSZMOC2ZXNb0kYzqIlcmruVJRfQy6pNqHBaNRg"
            + "yJpnMfG3V6ZFqtC1QnFV5exuxNXKMVRuQwPMA3Xm3jepDfu4AfMYoAe0pUYLuCroMGp95FNGPuJ7xVH9XntRpQ==";

    private final ReqInfoCipher cipher = new ReqInfoCipher(KEY);

    @Test
    void theKeyIsTheAsciiOfTheLowerCaseHexMd5OfTheMerchantKey() {
        assertThat(new String(ReqInfoCipher.keyBytes(KEY), StandardCharsets.US_ASCII))
                .isEqualTo("631aa614e72acb572699ec799604c78d");
    }

    @Test
    void encryptionMatchesTheOpensslVector() {
        assertThat(cipher.encrypt(PLAINTEXT)).isEqualTo(OPENSSL_VECTOR);
        assertThat(cipher.decrypt(OPENSSL_VECTOR)).isEqualTo(PLAINTEXT);
    }

    @Test
    void opensslDecryptsWhatTheSandboxEncryptsIncludingChinese() throws Exception {
        String plaintext = "<root><refund_recv_accout><![CDATA[支付用户的零钱]]></refund_recv_accout>"
                + "<success_time><![CDATA[2026-06-01 08:00:00]]></success_time></root>";
        String keyHex = HexFormat.of().formatHex(ReqInfoCipher.keyBytes(KEY));
        String decrypted = openssl(cipher.encrypt(plaintext) + "\n", "enc", "-d", "-aes-256-ecb", "-K", keyHex,
                "-a", "-A");
        assertThat(decrypted).isEqualTo(plaintext);
        String encrypted = openssl(plaintext, "enc", "-aes-256-ecb", "-K", keyHex, "-nosalt", "-a", "-A");
        assertThat(cipher.encrypt(plaintext)).isEqualTo(encrypted.strip());
    }

    @Test
    void anotherKeyOrNonsenseDoesNotDecrypt() {
        assertThatThrownBy(() -> new ReqInfoCipher("another-key").decrypt(OPENSSL_VECTOR))
                .isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> cipher.decrypt("not base64 at all!"))
                .isInstanceOf(XmlRejectedException.class);
    }

    private static String openssl(String stdin, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl %s", String.join(" ", args)).isZero();
        return out;
    }
}
