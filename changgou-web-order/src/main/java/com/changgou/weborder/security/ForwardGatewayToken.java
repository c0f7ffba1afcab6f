package com.changgou.weborder.security;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Every call web-order makes to the order and pay services is made for the shopper whose page it
 * renders: it carries the gateway's token the page request came with, and those services check it
 * themselves and act for the same shopper. Only a verified gateway token is passed on.
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
