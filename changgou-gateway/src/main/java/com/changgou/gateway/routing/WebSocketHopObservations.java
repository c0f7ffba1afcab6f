package com.changgou.gateway.routing;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's hop to the broker for a proxied WebSocket (the wxpay page's push) is not observed.
 * Spring Cloud Gateway starts an HTTP client observation for every routed request and stops it when the
 * response's headers pass through; a WebSocket's never do, so each page ever opened left one running for
 * good: an active request in {@code http.client.requests.active} that never ends, its sample held in the
 * gateway's heap, and a span never exported. The page's own request stays observed (it ends when the
 * page closes), and so does every plain HTTP route.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketHopObservations {

    @Bean
    ObservationPredicate noClientObservationOfWebSocketHops() {
        return (name, context) -> !(context instanceof GatewayContext hop
                && "websocket".equalsIgnoreCase(hop.getRequest().getHeaders().getUpgrade()));
    }
}
