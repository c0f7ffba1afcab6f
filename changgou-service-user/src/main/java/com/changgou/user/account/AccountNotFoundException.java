package com.changgou.user.account;

/** No account has this (normalised) name. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(String username) {
        super("account %s not found".formatted(username));
    }
}
