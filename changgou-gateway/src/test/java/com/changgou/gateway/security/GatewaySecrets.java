package com.changgou.gateway.security;

import com.changgou.security.TestTokens;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway's secrets as the tests play them, from the services' shared {@link TestTokens}: the
 * private half of its throw-away key pair (a temp PKCS#8 PEM file the gateway signs with; the
 * public half checks what the services were sent) and the gateway's service-account password,
 * which {@link StubServices}' user service also knows.
 */
public final class GatewaySecrets {

    private GatewaySecrets() {
    }

    /** The gateway's private key and service password, for a test's context. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("changgou.security.jwt.private-key", () -> TestTokens.privateKey().toString());
        registry.add("changgou.security.service-account.password", () -> TestTokens.GATEWAY_SECRET);
    }

    /** The same, as command-line arguments of a gateway started by hand. */
    public static List<String> arguments() {
        return List.of("--changgou.security.jwt.private-key=" + TestTokens.privateKey(),
                "--changgou.security.service-account.password=" + TestTokens.GATEWAY_SECRET);
    }
}
