package com.changgou.gateway.security;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Security reads a form post's {@code _csrf} field through {@link ServerWebExchange#getFormData()},
 * which consumes the request body: forwarded as it is, the form would reach web-order empty. The
 * parsed form is cached on the exchange, so it is written back as the body that goes downstream.
 */
@Component
class FormBodyReplay implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        Charset charset = Optional.ofNullable(type.getCharset()).orElse(StandardCharsets.UTF_8);
        return exchange.getFormData()
                .map(form -> encode(form, charset))
                .flatMap(body -> chain.filter(exchange.mutate().request(replaying(exchange.getRequest(), body)).build()));
    }

    static byte[] encode(MultiValueMap<String, String> form, Charset charset) {
        return form.entrySet().stream()
                .flatMap(field -> field.getValue().stream().map(value -> URLEncoder.encode(field.getKey(), charset)
                        + (value == null ? "" : "=" + URLEncoder.encode(value, charset))))
                .collect(Collectors.joining("&"))
                .getBytes(charset);
    }

    private static ServerHttpRequest replaying(ServerHttpRequest request, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.length);
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    @Override
    public int getOrder() {
        // after the shopper's headers are set, long before the request is sent on
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }
}
