package com.changgou.pay.security;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * A call made while serving a shopper (the order lookup inside {@code nativePay}) carries the
 * gateway's token the shopper's request came with: the order service checks it itself and answers
 * for the same shopper. Only a verified gateway token is passed on; a service account's credential
 * never is.
 */
@Component
class ForwardGatewayToken implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate template) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller instanceof JwtAuthenticationToken shopper) {
            template.removeHeader(HttpHeaders.AUTHORIZATION);
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.getToken().getTokenValue());
        }
    }
}
