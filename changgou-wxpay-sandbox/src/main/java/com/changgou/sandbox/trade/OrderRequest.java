package com.changgou.sandbox.trade;

import com.changgou.sandbox.protocol.SignType;
import java.time.Instant;
import java.util.Map;

/**
 * A validated NATIVE unifiedorder. {@code terms} are the fields that make two requests "the same order"
 * (everything but nonce_str, sign, sign_type and spbill_create_ip); {@code timeExpire} may be null.
 */
public record OrderRequest(
        String outTradeNo,
        String body,
        String attach,
        long totalFee,
        String notifyUrl,
        String productId,
        Instant timeExpire,
        SignType signType,
        Map<String, String> terms) {

    public OrderRequest {
        terms = Map.copyOf(terms);
    }
}
