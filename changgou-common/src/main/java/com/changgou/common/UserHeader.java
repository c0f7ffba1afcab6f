package com.changgou.common;

/**
 * The header that once carried the signed-in shopper's name. No app believes it any more: services
 * act on the subject of the gateway's signed token. The gateway still drops any copy a caller
 * sends, so nothing downstream ever sees one from outside.
 */
public final class UserHeader {

    public static final String NAME = "X-User-Name";

    private UserHeader() {
    }
}
