package com.changgou.pay.wechat;

import com.changgou.pay.PublicAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
        if (!PublicAddresses.isPublicHttps(wechat.baseUrl())) {
            wrong.add("WXPAY_BASE_URL %s is not WeChat Pay over https".formatted(wechat.baseUrl()));
        }
        if (!PublicAddresses.isPublicHttps(URI.create(wechat.notifyUrl()))) {
            wrong.add("WXPAY_NOTIFY_URL %s is not a public https address".formatted(wechat.notifyUrl()));
        }
        if (!PublicAddresses.isPublicHttps(wechat.secureBaseUrl())) {
            wrong.add("WXPAY_SECURE_BASE_URL %s is not WeChat Pay over https".formatted(wechat.secureBaseUrl()));
        }
        if (!wechat.hasCertificate()) {
            wrong.add("WXPAY_CERT_PATH is not set: WeChat takes refunds only with the merchant's certificate");
        }
        if (wechat.trustCa() != null) {
            wrong.add("WXPAY_TRUST_CA is set: only the sandbox needs a CA of its own");
        }
        if (!PublicAddresses.isPublicHttps(URI.create(wechat.refundNotifyUrl()))) {
            wrong.add("WXPAY_REFUND_NOTIFY_URL %s is not a public https address".formatted(wechat.refundNotifyUrl()));
        }
        return wrong;
    }
}
