package com.changgou.user.account;

/** A username or password that breaks a rule; the message says which rule, never the password. */
public class InvalidSignUpException extends RuntimeException {

    public InvalidSignUpException(String rule) {
        super(rule);
    }
}
