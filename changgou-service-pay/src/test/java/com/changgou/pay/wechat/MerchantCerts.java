package com.changgou.pay.wechat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made by the suite's own {@code scripts/wxpay-certs.sh} under {@code target/}: a CA,
 * a server certificate for 127.0.0.1 and the merchant's apiclient_cert.p12 (password = mch id).
 */
record MerchantCerts(Path dir) {

    static MerchantCerts make(String name, String mchId) throws IOException, InterruptedException {
        Path dir = Path.of("target", name).toAbsolutePath();
        Path script = Path.of("..", "scripts", "wxpay-certs.sh").toAbsolutePath().normalize();
        Process process = new ProcessBuilder("bash", script.toString(), dir.toString(), mchId)
                .redirectErrorStream(true).redirectOutput(Path.of("target", name + ".log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("%s failed, see target/%s.log".formatted(script, name));
        }
        return new MerchantCerts(dir);
    }

    Path ca() {
        return dir.resolve("ca.pem");
    }

    Path merchant() {
        return dir.resolve("apiclient_cert.p12");
    }

    Path serverKeyStore() {
        return dir.resolve("sandbox-tls.p12");
    }

    char[] serverPassword() throws IOException {
        return Files.readString(dir.resolve("sandbox-tls.password")).trim().toCharArray();
    }
}
