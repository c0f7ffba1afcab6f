package com.changgou.sandbox.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates of a refund over mutual TLS, made by the project's own {@code scripts/wxpay-certs.sh} into
 * {@code target/} (never committed): the CA, the sandbox's server keystore, the merchant's client certificate
 * (CN = mch_id) and, signed by the same CA, a certificate of another merchant.
 */
public final class MerchantCertificates {

    public static final String OTHER_MCH_ID = "1900000002";

    private static MerchantCertificates made;

    private final Path dir;
    private final Path otherDir;

    private MerchantCertificates(Path dir, Path otherDir) {
        this.dir = dir;
        this.otherDir = otherDir;
    }

    /** Made once per test JVM; the script itself keeps what is already there. */
    public static synchronized MerchantCertificates make() {
        if (made == null) {
            Path target = Path.of("target").toAbsolutePath();
            Path dir = target.resolve("wxpay-certs");
            Path otherDir = target.resolve("wxpay-certs-other");
            run(dir, WxClient.MCH_ID);
            try {
                // The same CA signs the other merchant's certificate: trusted by the handshake, refused by CN.
                Files.createDirectories(otherDir);
                Files.copy(dir.resolve("ca.pem"), otherDir.resolve("ca.pem"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.copy(dir.resolve("ca.key"), otherDir.resolve("ca.key"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            run(otherDir, OTHER_MCH_ID);
            made = new MerchantCertificates(dir, otherDir);
        }
        return made;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path serverKeystore() {
        return dir.resolve("sandbox-tls.p12");
    }

    public String serverKeystorePassword() {
        try {
            return Files.readString(dir.resolve("sandbox-tls.password"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that trusts the CA and presents the merchant's certificate. */
    public SSLContext merchant() {
        return context(dir.resolve("apiclient_cert.p12"), WxClient.MCH_ID);
    }

    /** A client that trusts the CA and presents another merchant's certificate from the same CA. */
    public SSLContext otherMerchant() {
        return context(otherDir.resolve("apiclient_cert.p12"), OTHER_MCH_ID);
    }

    /** A client that trusts the CA and presents no certificate at all. */
    public SSLContext noCertificate() {
        return context(null, null);
    }

    private SSLContext context(Path clientKeystore, String password) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream pem = Files.newInputStream(caPem())) {
                trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            }
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = null;
            if (clientKeystore != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream p12 = Files.newInputStream(clientKeystore)) {
                    keys.load(p12, password.toCharArray());
                }
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, password.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                    null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not load the test certificates from " + dir, e);
        }
    }

    private static void run(Path dir, String mchId) {
        Path script = script();
        try {
            Process process = new ProcessBuilder("bash", script.toString(), dir.toString(), mchId)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("%s %s %s failed: %s".formatted(script, dir, mchId, output));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** scripts/wxpay-certs.sh of the reactor, found upwards from the module directory. */
    private static Path script() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("scripts/wxpay-certs.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/wxpay-certs.sh not found above " + Path.of("").toAbsolutePath());
    }
}
