package com.changgou.sandbox.tls;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.AbstractProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * A second Tomcat connector, HTTPS with client auth NEED, beside the plain one and on the same address: a
 * merchant without a certificate from the client CA cannot even finish the handshake, as at WeChat's
 * api.mch.weixin.qq.com for /secapi. Every endpoint is served on it; only /secapi/pay/refund requires it.
 * The stores go through Boot's SSL bundle types, so Tomcat is configured exactly as for {@code server.ssl}.
 */
@Component
public class RefundConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
        ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RefundConnector.class);

    private final TlsProperties tls;
    private final ServerProperties server;
    private volatile Connector connector;

    RefundConnector(TlsProperties tls, ServerProperties server) {
        this.tls = tls;
        this.server = server;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!tls.enabled()) {
            log.warn("SANDBOX_TLS_KEYSTORE is empty: no TLS connector, so refunds (/secapi/pay/refund, which needs "
                    + "the merchant's client certificate) are unavailable. scripts/wxpay-certs.sh makes the files.");
            return;
        }
        Connector https = new Connector();
        https.setPort(tls.port());
        InetAddress address = server.getAddress();
        if (address != null && https.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
            protocol.setAddress(address);
        }
        new SslConnectorCustomizer(LogFactory.getLog(RefundConnector.class), https, Ssl.ClientAuth.NEED)
                .customize(bundle(), Map.of());
        factory.addAdditionalConnectors(https);
        connector = https;
    }

    /** Loads both stores now, so a wrong path or password stops the start with a message that names it. */
    private SslBundle bundle() {
        KeyStore keys;
        try {
            keys = new JksSslStoreBundle(new JksSslStoreDetails("PKCS12", null, location(tls.keystore()),
                    tls.keystorePassword()), null).getKeyStore();
        } catch (RuntimeException e) {
            throw new IllegalStateException("SANDBOX_TLS_KEYSTORE %s (PKCS#12, password SANDBOX_TLS_KEYSTORE_PASSWORD) "
                    .formatted(tls.keystore()) + "could not be read: " + e.getMessage(), e);
        }
        KeyStore clientCa;
        try {
            clientCa = new PemSslStoreBundle(null, PemSslStoreDetails.forCertificates(location(tls.clientCa())))
                    .getTrustStore();
        } catch (RuntimeException e) {
            throw new IllegalStateException("SANDBOX_TLS_CLIENT_CA %s (PEM) could not be read: "
                    .formatted(tls.clientCa()) + e.getMessage(), e);
        }
        return SslBundle.of(SslStoreBundle.of(keys, tls.keystorePassword(), clientCa));
    }

    /** A plain path is a file (a resource loader would look for it on the class path). */
    private static String location(String pathOrUrl) {
        return pathOrUrl.startsWith("file:") || pathOrUrl.startsWith("classpath:")
                ? pathOrUrl : Path.of(pathOrUrl).toAbsolutePath().toUri().toString();
    }

    /** The port the TLS connector listens on (the real one when configured as 0); -1 when there is none. */
    public int localPort() {
        Connector https = connector;
        return https == null ? -1 : https.getLocalPort();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (connector != null && event.getApplicationContext().getServerNamespace() == null) {
            log.info("Refunds over mutual TLS on port {} (client certificates from {})", localPort(), tls.clientCa());
        }
    }
}
