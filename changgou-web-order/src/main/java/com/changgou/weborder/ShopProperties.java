package com.changgou.weborder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop as the world reaches it: {@code publicUrl} is the gateway's own origin, for the few links
 * that must work from another device (the Alipay QR code a phone scans) or from another site.
 */
@ConfigurationProperties("shop")
public record ShopProperties(@DefaultValue("http://127.0.0.1:8080") String publicUrl) {
}
