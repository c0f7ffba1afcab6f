package com.changgou.common;

/**
 * The header that carries the signed-in shopper's name. Only the gateway sets it on outside
 * requests (it drops any copy a browser sends); services pass it on when they call each other.
 */
public final class UserHeader {

    public static final String NAME = "X-User-Name";

    private UserHeader() {
    }
}
