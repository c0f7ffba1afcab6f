package com.changgou.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** One shared context for every HTTP test: random port, no Eureka, WeChat's schedule at 1/100. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "sandbox.time-scale=0.01",
        "sandbox.app-id=wx8888888888888888",
        "sandbox.mch-id=1900000001",
        "sandbox.key=sandboxkey0000000000000000000000"})
@interface SandboxTest {
}
