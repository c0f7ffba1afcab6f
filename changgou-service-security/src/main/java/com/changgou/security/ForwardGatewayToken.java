package com.changgou.security;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A Feign call made while serving a shopper carries the gateway's token the shopper's request came
 * with: web-order's calls to the order and pay services for the page it renders, pay's order lookup
 * inside {@code nativePay}. The called service checks the token itself and acts for the same shopper.
 * Only a verified gateway token is passed on; a service account's credential never is, and outside a
 * shopper's request nothing is added.
 *
 * <p>Not a component: an app that makes such calls imports it where it enables its Feign clients.
 */
public class ForwardGatewayToken implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate template) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller instanceof JwtAuthenticationToken shopper) {
            template.removeHeader(HttpHeaders.AUTHORIZATION);
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.getToken().getTokenValue());
        }
    }
}
