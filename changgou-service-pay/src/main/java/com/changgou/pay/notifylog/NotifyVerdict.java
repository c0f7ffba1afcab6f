package com.changgou.pay.notifylog;

import java.util.Locale;

/** What the pay service made of a notification, and so what it answered. Stored by name. */
public enum NotifyVerdict {
    /** It changed state; answered success. */
    ACCEPTED,
    /** It named something already in that state; answered success, changed nothing. */
    DUPLICATE,
    /** Answered failure (the sender tries again on its schedule); changed nothing. */
    REFUSED;

    /** The metric's tag value. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
