package com.changgou.gateway.security;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The user service keeps names in lower case and compares them byte for byte; the gateway
 * normalises the same way before it asks, so {@code ALICE} signs in as alice (with alice's
 * password) and never as a second account.
 */
final class Usernames {

    static final Pattern SHAPE = Pattern.compile("[a-z0-9_-]{3,32}");

    private Usernames() {
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static boolean wellFormed(String normalised) {
        return SHAPE.matcher(normalised).matches();
    }

    /** A name fit for a log line: whatever a form sent may hold line breaks or worse. */
    static String forLog(String normalised) {
        return wellFormed(normalised) ? normalised : "(malformed name)";
    }
}
