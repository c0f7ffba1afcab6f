package com.changgou.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * The name of the shopper a request acts for: the subject of the gateway's verified token, never a
 * header. Only endpoints that require the gateway's token may take it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AuthenticationPrincipal(expression = "subject", errorOnInvalidType = true)
public @interface Shopper {
}
