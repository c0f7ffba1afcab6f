package com.changgou.user.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The body of a sign-up. Only presence is checked here; the rules for names and passwords belong to
 * {@link com.changgou.user.account.Accounts}, which applies them after normalising the name.
 */
record SignUpRequest(@NotBlank String username, @NotNull String password) {

    /** Keeps the password out of any log line that prints the request. */
    @Override
    public String toString() {
        return "SignUpRequest[username=%s, password=<hidden>]".formatted(username);
    }
}
