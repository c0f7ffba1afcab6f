package com.changgou.sandbox.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.sandbox.support.MerchantCertificates;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;

class RefundConnectorTest {

    @Test
    void withoutAKeystoreThereIsNoTlsConnector() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        RefundConnector connector = new RefundConnector(new TlsProperties(9443, "", "", ""), new ServerProperties());
        connector.customize(factory);
        assertThat(factory.getAdditionalConnectors()).isEmpty();
        assertThat(connector.localPort()).isEqualTo(-1);
    }

    @Test
    void withAKeystoreTheConnectorIsHttpsAndRequiresAClientCertificate() {
        MerchantCertificates certificates = MerchantCertificates.make();
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new RefundConnector(new TlsProperties(9443, certificates.serverKeystore().toString(),
                certificates.serverKeystorePassword(), certificates.caPem().toString()), new ServerProperties())
                .customize(factory);
        assertThat(factory.getAdditionalConnectors()).hasSize(1);
        Connector https = factory.getAdditionalConnectors().get(0);
        assertThat(https.getPort()).isEqualTo(9443);
        assertThat(https.getSecure()).isTrue();
        assertThat(https.getScheme()).isEqualTo("https");
        SSLHostConfig[] configs = ((AbstractHttp11Protocol<?>) https.getProtocolHandler()).findSslHostConfigs();
        assertThat(configs).singleElement().extracting(SSLHostConfig::getCertificateVerification)
                .isEqualTo(SSLHostConfig.CertificateVerification.REQUIRED);
    }

    @Test
    void aWrongPasswordOrAMissingCaStopsTheStartWithTheVariableNamed() {
        MerchantCertificates certificates = MerchantCertificates.make();
        RefundConnector wrongPassword = new RefundConnector(new TlsProperties(9443,
                certificates.serverKeystore().toString(), "wrong", certificates.caPem().toString()),
                new ServerProperties());
        assertThatThrownBy(() -> wrongPassword.customize(new TomcatServletWebServerFactory()))
                .hasMessageContaining("SANDBOX_TLS_KEYSTORE");
        assertThatThrownBy(() -> new TlsProperties(9443, certificates.serverKeystore().toString(), "x", ""))
                .hasMessageContaining("SANDBOX_TLS_CLIENT_CA");
    }
}
