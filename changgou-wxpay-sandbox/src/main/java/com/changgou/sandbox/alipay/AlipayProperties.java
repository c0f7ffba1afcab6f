package com.changgou.sandbox.alipay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one Alipay app this sandbox knows. {@code privateKey} is Alipay's own private key (PKCS#8 PEM path: the
 * sandbox signs answers, returns and notifications with it); {@code appPublicKey} the merchant app's public key
 * (X.509 PEM path: the sandbox verifies requests with it). Both made by {@code scripts/alipay-keys.sh}; either
 * empty turns Alipay off.
 */
@ConfigurationProperties("sandbox.alipay")
public record AlipayProperties(String appId, String sellerId, String privateKey, String appPublicKey) {

    public AlipayProperties {
        appId = appId == null || appId.isBlank() ? "2021000000000001" : appId;
        sellerId = sellerId == null || sellerId.isBlank() ? "2088000000000001" : sellerId;
    }

    public boolean keysConfigured() {
        return privateKey != null && !privateKey.isBlank() && appPublicKey != null && !appPublicKey.isBlank();
    }
}
