package com.changgou.pay.alipay;

import com.changgou.pay.PublicAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Under {@code prod} the pay service refuses to start with Alipay's sandbox settings: a gateway that is
 * not https or points at this machine, a private address or the compose network's {@code sandbox}; no keys
 * (an answer or notification signed by the sandbox's key must never be believed by a real shop); a notify
 * or return URL that is not public https.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionAlipay {


    ProductionAlipay(AlipayProperties alipay) {
        List<String> wrong = testSettings(alipay);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses test settings: " + String.join("; ", wrong));
        }
    }

    static List<String> testSettings(AlipayProperties alipay) {
        List<String> wrong = new ArrayList<>();
        if (!PublicAddresses.isPublicHttps(alipay.gatewayUrl())) {
            wrong.add("ALIPAY_GATEWAY_URL %s is not Alipay over https".formatted(alipay.gatewayUrl()));
        }
        if (!alipay.configured()) {
            wrong.add("ALIPAY_APP_PRIVATE_KEY and ALIPAY_PUBLIC_KEY are not set");
        }
        if (!PublicAddresses.isPublicHttps(URI.create(alipay.notifyUrl()))) {
            wrong.add("ALIPAY_NOTIFY_URL %s is not a public https address".formatted(alipay.notifyUrl()));
        }
        if (!PublicAddresses.isPublicHttps(URI.create(alipay.returnUrl()))) {
            wrong.add("ALIPAY_RETURN_URL %s is not a public https address".formatted(alipay.returnUrl()));
        }
        return wrong;
    }
}
