package com.changgou.pay.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code clientIp} is sent as unifiedorder's spbill_create_ip: for NATIVE it is the merchant server's. */
@ConfigurationProperties("pay.native")
public record PaymentsProperties(@DefaultValue("127.0.0.1") String clientIp) {
}
