package com.changgou.pay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the READ COMMITTED {@code TransactionTemplate} ({@link Transactions}) that the reconciler and
 * the refund paths claim rows with: no gap locks, so instances claiming with SKIP LOCKED do not
 * deadlock over index ranges.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ReadCommitted {
}
