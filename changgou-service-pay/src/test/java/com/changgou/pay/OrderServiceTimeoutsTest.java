package com.changgou.pay;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.order.api.OrderFeign;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.FeignClientProperties;
import org.springframework.cloud.openfeign.FeignClientProperties.FeignClientConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class OrderServiceTimeoutsTest {

    @Test
    void callsToTheOrderServiceWaitSecondsNotOpenFeignsMinuteDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        FeignClientProperties feign = Binder.get(environment)
                .bind("spring.cloud.openfeign.client", FeignClientProperties.class).get();

        // OpenFeign looks a client's settings up by its contextId.
        FeignClientConfiguration orders = feign.getConfig().get(OrderFeign.class.getAnnotation(FeignClient.class).contextId());

        assertThat(orders).isNotNull();
        assertThat(orders.getConnectTimeout()).isEqualTo(2_000);
        assertThat(orders.getReadTimeout()).isEqualTo(5_000);
    }
}
