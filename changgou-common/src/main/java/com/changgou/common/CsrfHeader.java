package com.changgou.common;

/**
 * The header on which the gateway hands the shopper's CSRF token to the apps that render forms.
 * The token lives in the gateway's session (Spring Security checks it there); pages behind the
 * gateway only copy it into a hidden {@link #FORM_FIELD} of every form that changes state. The
 * gateway drops any copy a browser sends.
 */
public final class CsrfHeader {

    public static final String NAME = "X-Shop-Csrf-Token";
    /** The form field Spring Security reads the token from. */
    public static final String FORM_FIELD = "_csrf";

    private CsrfHeader() {
    }
}
