package com.changgou.weborder;

import com.changgou.order.api.CatalogueFeign;
import com.changgou.order.api.OrderFeign;
import com.changgou.pay.api.PayFeign;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/**
 * The Feign clients live in their own configuration, not on the application class, so that
 * {@code @WebMvcTest} slices can stand in for them with mocks.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = {OrderFeign.class, CatalogueFeign.class, PayFeign.class})
class FeignClients {
}
