package com.changgou.user.account;

/** Someone holds the name already, possibly since a moment ago in a concurrent sign-up. */
public class UsernameTakenException extends RuntimeException {

    public UsernameTakenException(String username) {
        super("username %s is taken".formatted(username));
    }
}
