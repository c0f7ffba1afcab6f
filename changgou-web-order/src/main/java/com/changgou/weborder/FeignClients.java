package com.changgou.weborder;

import com.changgou.order.api.CatalogueFeign;
import com.changgou.order.api.OrderFeign;
import com.changgou.order.api.ops.OrderOpsFeign;
import com.changgou.pay.api.AlipayFeign;
import com.changgou.pay.api.PayFeign;
import com.changgou.pay.api.ops.PayOpsFeign;
import com.changgou.security.ForwardGatewayToken;
import com.changgou.security.ForwardTraceContext;
import com.changgou.weborder.points.UserPointsFeign;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Feign clients live in their own configuration, not on the application class, so that
 * {@code @WebMvcTest} slices can stand in for them with mocks. Every call is made for the shopper whose
 * page is being rendered, so it carries the gateway's token the page request came with
 * ({@link ForwardGatewayToken}); the ops console's calls carry the operator's, whose OPERATOR role the
 * services check again.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = {OrderFeign.class, CatalogueFeign.class, PayFeign.class, AlipayFeign.class,
        UserPointsFeign.class, OrderOpsFeign.class, PayOpsFeign.class})
@Import({ForwardGatewayToken.class, ForwardTraceContext.class})
class FeignClients {
}
