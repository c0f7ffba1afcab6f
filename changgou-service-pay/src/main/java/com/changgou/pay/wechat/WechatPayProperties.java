package com.changgou.pay.wechat;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchant's WeChat Pay V2 settings ({@code pay.wechat.*}, from the WXPAY_* environment).
 * Invalid settings fail at start-up, with a message naming the variable, never the key's value.
 *
 * <p>Refunds go to {@code secureBaseUrl} (WXPAY_SECURE_BASE_URL, the base URL when unset) over mutual
 * TLS with the merchant's PKCS#12 at {@code certPath} (WXPAY_CERT_PATH, password = the mch_id); without
 * it the service starts and refunds wait, logged as errors. {@code trustCa} (WXPAY_TRUST_CA) names a PEM
 * file of one more CA to trust there, for the local sandbox; the JDK's trust stands otherwise.
 * {@code refundNotifyUrl} (WXPAY_REFUND_NOTIFY_URL) is where WeChat posts refund results.
 */
@ConfigurationProperties("pay.wechat")
public record WechatPayProperties(
        URI baseUrl,
        String appId,
        String mchId,
        String key,
        WechatSignType signType,
        String notifyUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxAttempts,
        Duration retryBackoff,
        URI secureBaseUrl,
        String certPath,
        String trustCa,
        String refundNotifyUrl) {

    public WechatPayProperties {
        require(baseUrl != null, "pay.wechat.base-url is not set (WXPAY_BASE_URL)");
        require(notBlank(appId), "pay.wechat.app-id is not set (WXPAY_APPID)");
        require(notBlank(mchId), "pay.wechat.mch-id is not set (WXPAY_MCH_ID)");
        require(notBlank(key), "pay.wechat.key is not set: set WXPAY_KEY to the merchant API key");
        require(key.length() == 32, "pay.wechat.key (WXPAY_KEY) must be 32 characters, it has " + key.length());
        require(notBlank(notifyUrl), "pay.wechat.notify-url is not set (WXPAY_NOTIFY_URL)");
        signType = signType == null ? WechatSignType.HMAC_SHA256 : signType;
        connectTimeout = positiveOr(connectTimeout, Duration.ofSeconds(2), "connect-timeout");
        readTimeout = positiveOr(readTimeout, Duration.ofSeconds(5), "read-timeout");
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        require(maxAttempts >= 1 && maxAttempts <= 10, "pay.wechat.max-attempts must be 1..10, is " + maxAttempts);
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        require(!retryBackoff.isNegative(), "pay.wechat.retry-backoff must not be negative");
        secureBaseUrl = secureBaseUrl == null || secureBaseUrl.toString().isBlank() ? baseUrl : secureBaseUrl;
        require(secureBaseUrl.getScheme() != null && secureBaseUrl.getHost() != null,
                "pay.wechat.secure-base-url (WXPAY_SECURE_BASE_URL) must be an absolute URL, is " + secureBaseUrl);
        certPath = notBlank(certPath) ? certPath : null;
        trustCa = notBlank(trustCa) ? trustCa : null;
        require(notBlank(refundNotifyUrl), "pay.wechat.refund-notify-url is not set (WXPAY_REFUND_NOTIFY_URL)");
    }

    /** Whether the merchant's certificate is configured, without which WeChat takes no refund. */
    public boolean hasCertificate() {
        return certPath != null;
    }

    /** The key stays out of toString, so a logged or printed properties object cannot leak it. */
    @Override
    public String toString() {
        return ("WechatPayProperties[baseUrl=%s, appId=%s, mchId=%s, key=***, signType=%s, notifyUrl=%s, "
                + "secureBaseUrl=%s, certPath=%s, trustCa=%s, refundNotifyUrl=%s]")
                .formatted(baseUrl, appId, mchId, signType, notifyUrl, secureBaseUrl, certPath, trustCa, refundNotifyUrl);
    }

    private static Duration positiveOr(Duration value, Duration fallback, String name) {
        Duration result = value == null ? fallback : value;
        require(!result.isNegative() && !result.isZero(), "pay.wechat." + name + " must be positive");
        return result;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
