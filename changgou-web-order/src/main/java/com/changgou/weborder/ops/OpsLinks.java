package com.changgou.weborder.ops;

import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.weborder.WebOrderProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Every URL of the ops console as the operator's browser sees it: through the gateway's {@code /api/ops}. */
@Component
public class OpsLinks {

    private final String base;

    public OpsLinks(WebOrderProperties properties) {
        String publicBase = properties.publicBase();
        this.base = (publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase) + "/ops";
    }

    /** The search page; also the path the flash cookie is scoped to. */
    public String home() {
        return base;
    }

    public String payments() {
        return base + "/payments";
    }

    public String story(String orderId) {
        return base + "/orders/" + segment(orderId);
    }

    public String deadLetters() {
        return base + "/dead-letters";
    }

    public String deadLetters(DeadLetterState state) {
        return deadLetters() + "?state=" + state.name();
    }

    public String redrive(long deadLetterId) {
        return deadLetters() + "/" + deadLetterId + "/redrive";
    }

    public String discard(long deadLetterId) {
        return deadLetters() + "/" + deadLetterId + "/discard";
    }

    public String refunds() {
        return base + "/refunds";
    }

    public String approve(String refundId) {
        return refunds() + "/" + segment(refundId) + "/approve";
    }

    public String retry(String refundId) {
        return refunds() + "/" + segment(refundId) + "/retry";
    }

    public String live() {
        return base + "/live";
    }

    public String liveJson() {
        return base + "/live.json";
    }

    String redirect(String link) {
        return "redirect:" + link;
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
