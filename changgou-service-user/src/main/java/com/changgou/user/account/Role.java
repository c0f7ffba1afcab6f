package com.changgou.user.account;

/** What an account may do; stored by name in {@code tb_user.roles} through {@link RolesTypeHandler}. */
public enum Role {
    /** Places and pays for orders: every account that signs up. */
    SHOPPER,
    /** Staff who look after orders and payments; granted by an operator, never by signing up. */
    OPERATOR
}
