package com.changgou.sandbox.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Turns the TLS connector on with the certificates {@link MerchantCertificates} made in target/. */
public final class TlsCertificatesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MerchantCertificates certificates = MerchantCertificates.make();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-tls-certificates", Map.of(
                "sandbox.tls.keystore", certificates.serverKeystore().toString(),
                "sandbox.tls.keystore-password", certificates.serverKeystorePassword(),
                "sandbox.tls.client-ca", certificates.caPem().toString())));
    }
}
