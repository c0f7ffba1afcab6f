package com.changgou.sandbox.alipay.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Turns Alipay on with the keys {@link AlipayTestKeys} made in target/. */
public final class AlipayKeysInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-alipay-keys", Map.of(
                "sandbox.alipay.private-key", AlipayTestKeys.alipayPrivate().toString(),
                "sandbox.alipay.app-public-key", AlipayTestKeys.appPublic().toString())));
    }
}
