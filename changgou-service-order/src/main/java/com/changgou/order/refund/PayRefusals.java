package com.changgou.order.refund;

import com.changgou.common.Result;
import feign.FeignException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which answers of the pay service refuse a refund for good, and why. 400, 409 and 422 say the refund
 * itself is wrong (more than is left, another refund under its id): asking again cannot help. Anything
 * else (down, time-outs, 5xx, and 401/403/404, which say this deployment is wrong, not the refund) is
 * tried again.
 */
@Component
class PayRefusals {

    /** tb_order_refund.refusal holds 255 characters. */
    private static final int MAX_REASON = 255;

    private final JsonMapper json;

    PayRefusals(JsonMapper json) {
        this.json = json;
    }

    boolean isFinal(FeignException e) {
        return e.status() == 400 || e.status() == 409 || e.status() == 422;
    }

    /** The message of the pay service's {@code Result} envelope, or the HTTP status when there is none. */
    String reason(FeignException e) {
        String reason = "refused by the pay service (HTTP %d)".formatted(e.status());
        String body = e.contentUTF8();
        if (body != null && !body.isBlank()) {
            try {
                Result<?> result = json.readValue(body, Result.class);
                if (result.message() != null && !result.message().isBlank()) {
                    reason = result.message();
                }
            } catch (JacksonException unreadable) {
                // not the envelope: the status says enough
            }
        }
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
