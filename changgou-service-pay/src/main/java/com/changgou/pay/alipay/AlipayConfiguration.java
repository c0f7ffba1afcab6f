package com.changgou.pay.alipay;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Makes the merchant's {@link AlipayClient} from {@code pay.alipay.*}: always a bean, off without keys. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlipayProperties.class)
@Import(ProductionAlipay.class)
class AlipayConfiguration {

    @Bean
    AlipayClient alipayClient(AlipayProperties properties, Clock clock) {
        return new AlipayClient(properties, clock);
    }
}
