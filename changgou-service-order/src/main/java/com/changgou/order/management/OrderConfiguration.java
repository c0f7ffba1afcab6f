package com.changgou.order.management;

import com.changgou.common.IdWorker;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OrderProperties.class, RefundProperties.class})
class OrderConfiguration {

    @Bean
    IdWorker idWorker(OrderProperties properties) {
        return new IdWorker(properties.workerId(), properties.datacenterId());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
