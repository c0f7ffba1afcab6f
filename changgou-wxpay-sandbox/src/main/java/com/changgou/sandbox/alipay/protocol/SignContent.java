package com.changgou.sandbox.alipay.protocol;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The string Alipay signs for a set of parameters: non-empty ones sorted by name (byte order), {@code k=v}
 * joined by {@code &}, values raw (decoded, never URL-encoded). Which names stay out differs by direction, as
 * Alipay documents it: a merchant's request leaves out only {@code sign} (so {@code sign_type} is signed), while
 * Alipay's own notifications and the wap.pay return leave out {@code sign} and {@code sign_type}.
 */
public enum SignContent {

    /** Gateway requests (alipay.trade.*): everything but sign. */
    REQUEST(Set.of("sign")),
    /** Async notifications and synchronous return parameters: everything but sign and sign_type. */
    NOTIFICATION(Set.of("sign", "sign_type"));

    private final Set<String> excluded;

    SignContent(Set<String> excluded) {
        this.excluded = excluded;
    }

    public String of(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(entry -> !excluded.contains(entry.getKey()))
                .filter(entry -> entry.getValue() != null && !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
    }
}
