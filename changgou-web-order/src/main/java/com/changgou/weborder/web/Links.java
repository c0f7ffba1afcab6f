package com.changgou.weborder.web;

import com.changgou.weborder.ShopProperties;
import com.changgou.weborder.WebOrderProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Every URL a page or redirect hands to the browser, built from the one public base path, so
 * that they all go through the gateway.
 */
@Component
public class Links {

    private final String base;
    private final String logout;
    private final String publicUrl;

    public Links(WebOrderProperties properties, ShopProperties shop) {
        this.base = withoutTrailingSlash(properties.publicBase());
        this.logout = properties.logoutUrl();
        this.publicUrl = withoutTrailingSlash(shop.publicUrl());
    }

    public String shop() {
        return base + "/worder/shop";
    }

    public String placeOrder() {
        return base + "/worder/order";
    }

    public String pay(String orderId) {
        return base + "/worder/pay?orderId=" + encode(orderId);
    }

    public String wxpay(String orderId) {
        return base + "/wxpay?orderId=" + encode(orderId);
    }

    public String alipay(String orderId) {
        return base + "/wxpay/alipay?orderId=" + encode(orderId);
    }

    /**
     * The merchant's own page for an Alipay payment (the pay service, public through the gateway), which
     * hands the shopper over to Alipay. Absolute, for the QR code a phone scans off another screen.
     */
    public String alipayGo(String token) {
        return publicUrl + base + "/pay/alipay/go/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
    }

    public String qr(String orderId) {
        return base + "/wxpay/qr?orderId=" + encode(orderId);
    }

    public String status(String orderId) {
        return base + "/wxpay/status?orderId=" + encode(orderId);
    }

    /** The wxpay page's WebSocket to Web STOMP, proxied by the gateway on the page's own origin. */
    public String push() {
        return base + "/wxpay/push";
    }

    public String paySuccess(String orderId) {
        return base + "/wxpay/paysuccess?orderId=" + encode(orderId);
    }

    /** The order's own page: its status and refunds, and the cancel button while it is refundable. */
    public String order(String orderId) {
        return base + "/worder/order/" + UriUtils.encodePathSegment(orderId, StandardCharsets.UTF_8);
    }

    public String cancelOrder(String orderId) {
        return order(orderId) + "/cancel";
    }

    /** The order page's small JSON: what the page re-reads when a push or its poll says something changed. */
    public String orderState(String orderId) {
        return order(orderId) + "/state";
    }

    /** The shopper's account: their points and the history of what earned and took them back. */
    public String account() {
        return base + "/worder/account";
    }

    /** The paysuccess page's small JSON: the order's points, once they are in. */
    public String orderPoints(String orderId) {
        return order(orderId) + "/points";
    }

    public String asset(String path) {
        return base + "/worder/static/" + path;
    }

    public String webjar(String path) {
        return base + "/worder/webjars/" + path;
    }

    public String logout() {
        return logout;
    }

    public String redirect(String link) {
        return "redirect:" + link;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }
}
