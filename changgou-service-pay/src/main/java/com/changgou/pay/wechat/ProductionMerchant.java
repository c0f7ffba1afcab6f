package com.changgou.pay.wechat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Under {@code prod} the pay service refuses to start with anything that belongs to the sandbox:
 * its throw-away merchant (key, mch_id, appid), a base URL that is not https or points at this
 * machine or the compose network's {@code sandbox}, or a notify URL that is not https. A
 * notification signed with the sandbox's public key must never be believed by a real shop. For
 * refunds: the secure base URL must be WeChat's over https, the merchant's certificate must be set,
 * no extra CA may be trusted (only the sandbox needs one), and the refund notify URL must be https.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionMerchant {

    /** The sandbox's merchant, as its application.yml ships it. */
    static final String SANDBOX_KEY = "sandboxkey0000000000000000000000";
    static final String SANDBOX_MCH_ID = "1900000001";
    static final String SANDBOX_APP_ID = "wx8888888888888888";
    private static final Set<String> SANDBOX_HOSTS = Set.of("sandbox", "changgou-wxpay-sandbox");

    ProductionMerchant(WechatPayProperties wechat) {
        List<String> wrong = testSettings(wechat);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses test settings: " + String.join("; ", wrong));
        }
    }

    static List<String> testSettings(WechatPayProperties wechat) {
        List<String> wrong = new ArrayList<>();
        if (SANDBOX_KEY.equals(wechat.key())) {
            wrong.add("WXPAY_KEY is the sandbox's key");
        }
        if (SANDBOX_MCH_ID.equals(wechat.mchId())) {
            wrong.add("WXPAY_MCH_ID is the sandbox's merchant");
        }
        if (SANDBOX_APP_ID.equals(wechat.appId())) {
            wrong.add("WXPAY_APPID is the sandbox's app");
        }
        if (!isPublicHttps(wechat.baseUrl())) {
            wrong.add("WXPAY_BASE_URL %s is not WeChat Pay over https".formatted(wechat.baseUrl()));
        }
        if (!isPublicHttps(URI.create(wechat.notifyUrl()))) {
            wrong.add("WXPAY_NOTIFY_URL %s is not a public https address".formatted(wechat.notifyUrl()));
        }
        if (!isPublicHttps(wechat.secureBaseUrl())) {
            wrong.add("WXPAY_SECURE_BASE_URL %s is not WeChat Pay over https".formatted(wechat.secureBaseUrl()));
        }
        if (!wechat.hasCertificate()) {
            wrong.add("WXPAY_CERT_PATH is not set: WeChat takes refunds only with the merchant's certificate");
        }
        if (wechat.trustCa() != null) {
            wrong.add("WXPAY_TRUST_CA is set: only the sandbox needs a CA of its own");
        }
        if (!isPublicHttps(URI.create(wechat.refundNotifyUrl()))) {
            wrong.add("WXPAY_REFUND_NOTIFY_URL %s is not a public https address".formatted(wechat.refundNotifyUrl()));
        }
        return wrong;
    }

    private static boolean isPublicHttps(URI uri) {
        String host = uri.getHost();
        return "https".equalsIgnoreCase(uri.getScheme()) && host != null && !SANDBOX_HOSTS.contains(host)
                && !isLocal(host);
    }

    /** Judged by the address itself when the host is an IP literal; a name is judged by its spelling only. */
    private static boolean isLocal(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || c == '[' || c == ']'
                || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
