package com.changgou.order;

import com.changgou.security.ForwardTraceContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Import;

// The timeout's and the refund submitter's calls to pay carry the trace they run in.
@EnableFeignClients(basePackages = "com.changgou.pay.api")
@Import(ForwardTraceContext.class)
@SpringBootApplication
public class OrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderApplication.class, args);
    }
}
