package com.changgou.weborder.ops;

import java.util.function.Supplier;

/**
 * What an operator's last action came to, shown once on the page it redirected to. {@code kind} is
 * the CSS class: {@code done}, {@code warning} (the service did it but the outcome needs a look) or
 * {@code error} (nothing was done).
 */
record Flash(String kind, String message) {

    /**
     * The flash of an action: what {@code action} says it came to, or, when it failed, {@code failed}
     * followed by the plain reason.
     */
    static Flash of(Supplier<Flash> action, String failed) {
        try {
            return action.get();
        } catch (OpsFailure failure) {
            return error(failed + failure.getMessage());
        }
    }

    static Flash done(String message) {
        return new Flash("done", message);
    }

    static Flash warning(String message) {
        return new Flash("warning", message);
    }

    static Flash error(String message) {
        return new Flash("error", message);
    }
}
