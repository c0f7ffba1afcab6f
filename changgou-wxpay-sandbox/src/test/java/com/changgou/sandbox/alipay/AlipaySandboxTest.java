package com.changgou.sandbox.alipay;

import com.changgou.sandbox.alipay.support.AlipayKeysInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * One shared context for the Alipay HTTP tests: random port, no Eureka, Alipay on with keys from
 * scripts/alipay-keys.sh, and time at 1/1000 (Alipay's 4 min first retry becomes 240 ms).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "sandbox.time-scale=0.001",
        "sandbox.key=sandboxkey0000000000000000000000",
        "sandbox.alipay.app-id=" + AlipaySandboxTest.APP_ID})
@ContextConfiguration(initializers = AlipayKeysInitializer.class)
@interface AlipaySandboxTest {

    String APP_ID = "2021000000000001";
    String SELLER_ID = "2088000000000001";
}
