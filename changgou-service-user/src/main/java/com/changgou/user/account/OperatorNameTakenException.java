package com.changgou.user.account;

/** The operator's name belongs to an account without the OPERATOR role, which is never raised to one. */
public class OperatorNameTakenException extends RuntimeException {

    public OperatorNameTakenException(String username) {
        super(("account %s exists without the OPERATOR role and is not made an operator: choose another "
                + "OPERATOR_USERNAME, or remove that account if it is not a shopper's").formatted(username));
    }
}
