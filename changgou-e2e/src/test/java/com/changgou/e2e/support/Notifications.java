package com.changgou.e2e.support;

import com.changgou.testkit.WeChatNotification;
import com.changgou.testkit.WeChatRefundNotification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Crafts WeChat payment notifications the way an attacker or a broken proxy would, and posts
 * them to the suite's public notify URL. Signed with the sandbox's throw-away merchant key.
 */
public final class Notifications {

    private static final WeChatNotification SANDBOX_MERCHANT = WeChatNotification.fromEnvironment(Map.of());
    /** Refund notifications are not signed but encrypted with (a digest of) the merchant key. */
    public static final WeChatRefundNotification SANDBOX_REFUNDS = WeChatRefundNotification.fromEnvironment(Map.of());

    private Notifications() {
    }

    /** A complete SUCCESS notification for an order, correctly signed unless changed afterwards. */
    public static Map<String, String> paid(String outTradeNo, long totalFee) {
        return SANDBOX_MERCHANT.paidFields(outTradeNo, totalFee);
    }

    /** WeChat's HMAC-SHA256 signature over every non-empty field but {@code sign}. */
    public static String sign(Map<String, String> fields) {
        return SANDBOX_MERCHANT.sign(fields);
    }

    public static String xml(Map<String, String> fields) {
        return WeChatNotification.xml(fields);
    }

    /** Posts a body to the suite's notify URL through the gateway, as WeChat's server does. */
    public static HttpResponse<String> post(Suite suite, String body) {
        return Http.send(Http.request(suite.gateway().resolve("/api/pay/wxpay/notify"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts a body to the suite's refund notify URL through the gateway, as WeChat's server does. */
    public static HttpResponse<String> postRefund(Suite suite, String body) {
        return Http.send(Http.request(refundNotifyUrl(suite))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public static java.net.URI refundNotifyUrl(Suite suite) {
        return suite.gateway().resolve("/api/pay/wxpay/refund/notify");
    }

    public static boolean succeeded(HttpResponse<String> reply) {
        return WeChatNotification.acknowledged(reply.body());
    }
}
