package com.changgou.pay.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * What {@link Payments} needs to know beyond WeChat's own settings.
 *
 * @param statusQueryInterval {@code pay.status-query-interval} (env {@code PAY_STATUS_QUERY_INTERVAL}):
 *        the least time between two orderqueries that status polls make about one pay record,
 *        across all shoppers and pay instances
 * @param nativePay {@code pay.native.*}
 */
@ConfigurationProperties("pay")
public record PaymentsProperties(
        @DefaultValue("5s") Duration statusQueryInterval,
        @Name("native") @DefaultValue NativePay nativePay) {

    /** {@code clientIp} is sent as unifiedorder's spbill_create_ip: for NATIVE it is the merchant server's. */
    public record NativePay(@DefaultValue("127.0.0.1") String clientIp) {
    }
}
