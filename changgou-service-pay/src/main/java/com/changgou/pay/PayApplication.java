package com.changgou.pay;

import com.changgou.security.ForwardGatewayToken;
import com.changgou.security.ForwardTraceContext;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The pay service. Its Feign calls (to the order service) are made for a shopper and carry the
 * gateway's token the shopper came with ({@link ForwardGatewayToken}).
 */
@EnableFeignClients(basePackages = "com.changgou.order.api")
@Import({ForwardGatewayToken.class, ForwardTraceContext.class})
@EnableScheduling
@ConfigurationPropertiesScan
@SpringBootApplication
public class PayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PayApplication.class, args);
    }

    /** One clock for every timestamp the service writes, so tests can reason about them. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
