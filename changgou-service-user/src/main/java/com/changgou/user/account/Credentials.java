package com.changgou.user.account;

import java.util.List;

/** What the gateway checks a sign-in against. The hash is in the delegating encoder's {@code {id}…} format. */
public record Credentials(String username, String passwordHash, List<Role> roles) {

    /** Keeps the hash out of any log line that prints these. */
    @Override
    public String toString() {
        return "Credentials[username=%s, passwordHash=<hidden>, roles=%s]".formatted(username, roles);
    }
}
