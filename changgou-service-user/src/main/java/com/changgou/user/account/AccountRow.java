package com.changgou.user.account;

import java.time.Instant;
import java.util.List;

/** One row of {@code tb_user}. */
record AccountRow(String username, String passwordHash, List<Role> roles, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "AccountRow[username=%s, passwordHash=<hidden>, roles=%s, createdAt=%s, updatedAt=%s]"
                .formatted(username, roles, createdAt, updatedAt);
    }
}
