package com.changgou.pay.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context of the refund API ({@code /secapi/…}): the merchant's PKCS#12 as the client's key
 * (WeChat hands it out as apiclient_cert.p12, its password the mch_id) and the JDK's trusted CAs,
 * plus the one CA of {@code trust-ca} when set (the local sandbox signs its own server certificate).
 * Handed to WxJava through {@code WxPayConfig#setSslContext}, which then uses it instead of loading
 * a key of its own. A certificate that is set but unreadable stops the start, naming the variable.
 */
final class MerchantTls {

    private MerchantTls() {
    }

    /** Empty when no certificate is configured: refunds then wait, logged as errors. */
    static Optional<SSLContext> context(WechatPayProperties properties) {
        if (!properties.hasCertificate()) {
            return Optional.empty();
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(properties).getKeyManagers(), trustManagers(properties.trustCa()), null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TLS context for WeChat refunds cannot be made: " + e.getMessage(), e);
        }
    }

    private static KeyManagerFactory keyManagers(WechatPayProperties properties) throws GeneralSecurityException {
        char[] password = properties.mchId().toCharArray();
        KeyStore merchant = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(properties.certPath()))) {
            merchant.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(("pay.wechat.cert-path (WXPAY_CERT_PATH) %s is not a PKCS#12 file that opens "
                    + "with the merchant id as its password: %s").formatted(properties.certPath(), e.getMessage()), e);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(merchant, password);
        return factory;
    }

    /** Null (the JDK's own trust) without an extra CA; else the JDK's CAs and that one. */
    private static TrustManager[] trustManagers(String trustCa) throws GeneralSecurityException {
        if (trustCa == null) {
            return null;
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            trusted.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty key store cannot be made", e);
        }
        X509Certificate[] jdk = jdkTrust().getAcceptedIssuers();
        for (int i = 0; i < jdk.length; i++) {
            trusted.setCertificateEntry("jdk-" + i, jdk[i]);
        }
        int i = 0;
        for (Certificate ca : extraCas(trustCa)) {
            trusted.setCertificateEntry("trust-ca-" + i++, ca);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory.getTrustManagers();
    }

    private static X509TrustManager jdkTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("the JDK has no X.509 trust manager"));
    }

    private static Collection<? extends Certificate> extraCas(String trustCa) {
        try (InputStream in = Files.newInputStream(Path.of(trustCa))) {
            Collection<? extends Certificate> cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (cas.isEmpty()) {
                throw new IllegalStateException("pay.wechat.trust-ca (WXPAY_TRUST_CA) %s holds no certificate"
                        .formatted(trustCa));
            }
            return cas;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("pay.wechat.trust-ca (WXPAY_TRUST_CA) %s is not a readable PEM certificate: %s"
                    .formatted(trustCa, e.getMessage()), e);
        }
    }
}
