package com.changgou.common;

/**
 * Service-to-service APIs live under this prefix. No gateway route matches it, so nothing from
 * outside reaches them through the public door.
 */
public final class InternalApi {

    public static final String PREFIX = "/internal";

    private InternalApi() {
    }
}
