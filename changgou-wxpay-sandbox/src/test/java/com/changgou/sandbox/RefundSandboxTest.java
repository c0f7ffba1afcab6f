package com.changgou.sandbox;

import com.changgou.sandbox.support.TlsCertificatesInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * One shared context for the refund tests: as {@link SandboxTest}, plus the TLS connector on a random port with
 * certificates from scripts/wxpay-certs.sh, and refunds PROCESSING for ~1 s (100 s at 1/100).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "sandbox.time-scale=0.01",
        "sandbox.refund-delay=100s",
        "sandbox.tls.port=0",
        "sandbox.app-id=wx8888888888888888",
        "sandbox.mch-id=1900000001",
        "sandbox.key=sandboxkey0000000000000000000000"})
@ContextConfiguration(initializers = TlsCertificatesInitializer.class)
@interface RefundSandboxTest {
}
