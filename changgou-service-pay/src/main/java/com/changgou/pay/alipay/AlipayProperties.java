package com.changgou.pay.alipay;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The merchant's Alipay settings ({@code pay.alipay.*}, from the ALIPAY_* environment), public-key mode
 * with RSA2. Invalid settings fail at start-up with a message naming the variable.
 *
 * <p>{@code appPrivateKey} (ALIPAY_APP_PRIVATE_KEY) is the path of the app's PKCS#8 PEM private key,
 * {@code alipayPublicKey} (ALIPAY_PUBLIC_KEY) the path of Alipay's X.509 PEM public key. With both empty
 * Alipay is off: the service starts, WeChat works, and starting an Alipay payment answers 503. One
 * without the other is a mistake and refused. {@code returnUrl} is where the cashier sends the phone
 * back ({@code ?orderId=} is appended); {@code sellerId}, when set, must be the notification's.
 */
@ConfigurationProperties("pay.alipay")
public record AlipayProperties(
        String appId,
        URI gatewayUrl,
        String appPrivateKey,
        String alipayPublicKey,
        String notifyUrl,
        String returnUrl,
        String sellerId,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxAttempts,
        Duration retryBackoff) {

    public AlipayProperties {
        require(notBlank(appId), "pay.alipay.app-id is not set (ALIPAY_APP_ID)");
        require(gatewayUrl != null && gatewayUrl.getScheme() != null && gatewayUrl.getHost() != null,
                "pay.alipay.gateway-url (ALIPAY_GATEWAY_URL) must be an absolute URL, is " + gatewayUrl);
        appPrivateKey = notBlank(appPrivateKey) ? appPrivateKey : null;
        alipayPublicKey = notBlank(alipayPublicKey) ? alipayPublicKey : null;
        require((appPrivateKey == null) == (alipayPublicKey == null),
                "set both ALIPAY_APP_PRIVATE_KEY and ALIPAY_PUBLIC_KEY, or neither (Alipay off)");
        require(notBlank(notifyUrl), "pay.alipay.notify-url is not set (ALIPAY_NOTIFY_URL)");
        require(notBlank(returnUrl), "pay.alipay.return-url is not set (ALIPAY_RETURN_URL)");
        sellerId = notBlank(sellerId) ? sellerId : null;
        connectTimeout = positiveOr(connectTimeout, Duration.ofSeconds(2), "connect-timeout");
        readTimeout = positiveOr(readTimeout, Duration.ofSeconds(5), "read-timeout");
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        require(maxAttempts >= 1 && maxAttempts <= 10, "pay.alipay.max-attempts must be 1..10, is " + maxAttempts);
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        require(!retryBackoff.isNegative(), "pay.alipay.retry-backoff must not be negative");
    }

    /** Both keys are configured: Alipay is on. */
    public boolean configured() {
        return appPrivateKey != null;
    }

    /** Paths only, never a key's content; the keys themselves are never held by this record. */
    @Override
    public String toString() {
        return "AlipayProperties[appId=%s, gatewayUrl=%s, appPrivateKey=%s, alipayPublicKey=%s, notifyUrl=%s, returnUrl=%s, sellerId=%s]"
                .formatted(appId, gatewayUrl, appPrivateKey == null ? "(none)" : "(file)", alipayPublicKey,
                        notifyUrl, returnUrl, sellerId);
    }

    private static Duration positiveOr(Duration value, Duration fallback, String name) {
        Duration result = value == null ? fallback : value;
        require(!result.isNegative() && !result.isZero(), "pay.alipay." + name + " must be positive");
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
