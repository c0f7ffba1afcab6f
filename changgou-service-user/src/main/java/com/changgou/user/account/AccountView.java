package com.changgou.user.account;

import java.util.List;

/** An account as others may see it: never its hash. */
public record AccountView(String username, List<Role> roles) {
}
