package com.changgou.sandbox.alipay.protocol;

import com.changgou.sandbox.alipay.AlipayProperties;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The two keys of Alipay's public-key mode, or none: with either path empty Alipay is off (one WARN at start)
 * and every Alipay endpoint says so. A path that is set but unreadable stops the start, rather than running a
 * sandbox that would reject every merchant.
 */
@Component
public class AlipayKeys {

    private static final Logger log = LoggerFactory.getLogger(AlipayKeys.class);

    /** Said by every Alipay endpoint while the keys are missing. */
    public static final String OFF = "Alipay is off in this sandbox: set SANDBOX_ALIPAY_PRIVATE_KEY and "
            + "SANDBOX_ALIPAY_APP_PUBLIC_KEY (PEM paths; scripts/alipay-keys.sh DIR makes them)";

    private final Optional<Pair> keys;

    private record Pair(PrivateKey alipayPrivate, PublicKey appPublic) {
    }

    public AlipayKeys(AlipayProperties properties) {
        if (!properties.keysConfigured()) {
            log.warn(OFF);
            keys = Optional.empty();
            return;
        }
        keys = Optional.of(new Pair(Rsa2.privateKey(Path.of(properties.privateKey())),
                Rsa2.publicKey(Path.of(properties.appPublicKey()))));
        log.info("Alipay on for app {}", properties.appId());
    }

    public boolean on() {
        return keys.isPresent();
    }

    /** Signs as Alipay does; only called while on. */
    public String sign(String content) {
        return Rsa2.sign(content, pair().alipayPrivate());
    }

    /** Verifies a merchant's request parameters (REQUEST rule); false when the signature does not hold. */
    public boolean verifyRequest(Map<String, String> parameters) {
        return Rsa2.verify(SignContent.REQUEST.of(parameters), parameters.get("sign"), pair().appPublic());
    }

    /** The parameters with {@code sign} added over the NOTIFICATION rule (sign_type stays unsigned). */
    public Map<String, String> signNotification(Map<String, String> parameters) {
        Map<String, String> signed = new LinkedHashMap<>(parameters);
        signed.put("sign", sign(SignContent.NOTIFICATION.of(parameters)));
        return signed;
    }

    private Pair pair() {
        return keys.orElseThrow(() -> new IllegalStateException(OFF));
    }
}
