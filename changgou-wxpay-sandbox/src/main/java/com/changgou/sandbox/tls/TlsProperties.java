package com.changgou.sandbox.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HTTPS connector that refunds need (WeChat's /secapi/pay/refund requires the merchant's certificate).
 * {@code keystore}: a PKCS#12 file with the sandbox's server key and certificate, empty to run without refunds;
 * {@code clientCa}: a PEM file of the CA whose client certificates are trusted. Paths or {@code file:} URLs.
 */
@ConfigurationProperties("sandbox.tls")
public record TlsProperties(int port, String keystore, String keystorePassword, String clientCa) {

    public TlsProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("sandbox.tls.port (SANDBOX_TLS_PORT) must be 0-65535, not " + port);
        }
        if (isBlank(keystore)) {
            keystore = null;
        } else if (isBlank(clientCa)) {
            throw new IllegalArgumentException("sandbox.tls.client-ca (SANDBOX_TLS_CLIENT_CA) must name the CA of "
                    + "merchant certificates when sandbox.tls.keystore (SANDBOX_TLS_KEYSTORE) is set");
        }
    }

    public boolean enabled() {
        return keystore != null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
