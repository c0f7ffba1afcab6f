package com.changgou.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlipaySignatureTest {

    private static Path keys;

    @BeforeAll
    static void keys() throws Exception {
        keys = Files.createTempDirectory("alipay-keys");
        run(null, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                keys.resolve("private.pem").toString());
        run(null, "openssl", "pkey", "-in", keys.resolve("private.pem").toString(), "-pubout", "-out",
                keys.resolve("public.pem").toString());
    }

    @Test
    void theSignedTextIsSortedNonEmptyRawParametersButTheExcludedOnes() {
        Map<String, String> params = Map.of("sign", "x", "sign_type", "RSA2", "b", "2 2", "a", "1&", "empty", "");

        assertThat(AlipaySignature.content(params, AlipaySignature.REQUEST_EXCLUDES)).isEqualTo("a=1&&b=2 2&sign_type=RSA2");
        assertThat(AlipaySignature.content(params, AlipaySignature.NOTIFICATION_EXCLUDES)).isEqualTo("a=1&&b=2 2");
    }

    @Test
    void aSignatureVerifiesWithOpensslAndOnlyForItsText() throws Exception {
        String content = "app_id=2021000000000001&biz_content={\"out_trade_no\":\"T1\"}&method=alipay.trade.query";

        String sign = AlipaySignature.sign(content, AlipaySignature.privateKey(keys.resolve("private.pem")));
        Path signature = keys.resolve("sig.bin");
        Files.write(signature, Base64.getDecoder().decode(sign));

        assertThat(run(content.getBytes(StandardCharsets.UTF_8), "openssl", "dgst", "-sha256", "-verify",
                keys.resolve("public.pem").toString(), "-signature", signature.toString())).contains("Verified OK");
        assertThat(AlipaySignature.verify(content, sign, AlipaySignature.publicKey(keys.resolve("public.pem")))).isTrue();
        assertThat(AlipaySignature.verify(content + "x", sign, AlipaySignature.publicKey(keys.resolve("public.pem")))).isFalse();
    }

    private static String run(byte[] input, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
