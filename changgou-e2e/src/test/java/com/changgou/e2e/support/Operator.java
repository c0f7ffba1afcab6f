package com.changgou.e2e.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator account ./changgou made for this run (OPERATOR_USERNAME, its password in the run
 * folder's secrets), signing in through the gateway's own form like anyone else.
 */
public final class Operator {

    private static final Duration PAGE_LIMIT = Duration.ofSeconds(20);

    private Operator() {
    }

    public static String username(Suite suite) {
        return suite.setting("OPERATOR_USERNAME");
    }

    /** A session of the operator's, over plain HTTP (forms with their CSRF tokens). */
    public static Shopper signIn(Suite suite) {
        Shopper operator = Shopper.as(suite, username(suite));
        if (!operator.signIn(suite.secret("OPERATOR_PASSWORD"))) {
            throw new IllegalStateException("the operator %s could not sign in".formatted(username(suite)));
        }
        return operator;
    }

    /** Signs the operator in on the gateway's sign-in form in this browser and opens the ops console. */
    public static void signIn(Browser browser, Suite suite) {
        browser.driver().get(suite.gateway().resolve("/login").toString());
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
        browser.driver().findElement(By.id("username")).sendKeys(username(suite));
        browser.driver().findElement(By.id("password")).sendKeys(suite.secret("OPERATOR_PASSWORD"));
        browser.driver().findElement(By.id("login-submit")).click();
        browser.waiting(PAGE_LIMIT).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.driver().get(suite.gateway().resolve("/api/ops").toString());
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("ops-search")));
    }
}
