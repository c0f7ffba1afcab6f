package com.changgou.e2e.browser;

import com.changgou.e2e.support.Browser;
import com.changgou.e2e.support.Suite;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a shopper does on the pages, in one browser, always through the gateway. */
final class ShopperPages {

    static final Duration PAGE_LIMIT = Duration.ofSeconds(20);
    static final String LIVE_TEXT = "Live updates on";
    static final String FALLBACK_TEXT = "Live updates unavailable, checking every 3 s.";

    private final Browser browser;
    private final URI gateway;
    private final String username;

    private ShopperPages(Browser browser, URI gateway, String username) {
        this.browser = browser;
        this.gateway = gateway;
        this.username = username;
    }

    /**
     * Opens an account on the gateway's sign-up form as a fresh shopper, signs in with it on the
     * sign-in form it is sent to, and lands on the shop page.
     */
    static ShopperPages signUp(Browser browser, Suite suite, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        ShopperPages pages = new ShopperPages(browser, suite.gateway(), username);
        ChromeDriver driver = browser.driver();
        driver.get(suite.gateway().resolve("/api/worder/shop").toString());
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.elementToBeClickable(By.id("signup-link"))).click();
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("signup-form")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("confirm")).sendKeys(password);
        driver.findElement(By.id("signup-submit")).click();
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Your account is ready"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.textToBe(By.id("username"), username));
        return pages;
    }

    /** Presses "Sign out" in the page header and waits for the sign-in form that says so. */
    void signOut() {
        browser.driver().findElement(By.id("logout-link")).click();
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "You are signed out"));
    }

    String username() {
        return username;
    }

    ChromeDriver driver() {
        return browser.driver();
    }

    WebDriverWait waiting(Duration limit) {
        return browser.waiting(limit);
    }

    /** On the shop page: sets each sku's quantity (the others to 0), places the order; returns its id. */
    String placeOrder(Map<Long, Integer> quantities) {
        ChromeDriver driver = browser.driver();
        for (WebElement input : driver.findElements(By.cssSelector("input[name=qty]"))) {
            long sku = Long.parseLong(input.getDomAttribute("id").substring("qty-".length()));
            input.clear();
            input.sendKeys(Integer.toString(quantities.getOrDefault(sku, 0)));
        }
        driver.findElement(By.id("place-order")).click();
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("wxpay-link")));
        return driver.findElement(By.id("order-id")).getText();
    }

    /** From the pay page, chooses WeChat Pay and waits for the wxpay page. */
    void chooseWxPay() {
        browser.driver().findElement(By.id("wxpay-link")).click();
        awaitWxPayPage();
    }

    void awaitWxPayPage() {
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("push-status")));
    }

    void open(String pathAndQuery) {
        browser.driver().get(gateway.resolve(pathAndQuery).toString());
    }

    /** Waits until the QR image has loaded, and returns its natural width (0 when it is broken). */
    long qrNaturalWidth() {
        WebElement qr = browser.driver().findElement(By.id("qr"));
        browser.waiting(PAGE_LIMIT).until(d -> Boolean.TRUE.equals(
                browser.driver().executeScript("return arguments[0].complete;", qr)));
        return ((Number) browser.driver().executeScript("return arguments[0].naturalWidth;", qr)).longValue();
    }

    String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    /** Waits until #push-status starts with {@code prefix}; returns its full text. */
    String awaitPushStatus(String prefix) {
        browser.waiting(PAGE_LIMIT).until(d -> text("push-status").startsWith(prefix));
        return text("push-status");
    }

    /** The code_url the page offers to the sandbox phone (the QR's content). */
    String codeUrl() {
        String href = browser.driver().findElement(By.id("phone-link")).getDomProperty("href");
        for (String param : URI.create(href).getRawQuery().split("&")) {
            if (param.startsWith("code_url=")) {
                return URLDecoder.decode(param.substring("code_url=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("the phone link carries no code_url: " + href);
    }

    String path() {
        URI current = URI.create(browser.driver().getCurrentUrl());
        return current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
    }

    boolean onPaySuccess() {
        return path().startsWith("/api/wxpay/paysuccess") && !browser.driver().findElements(By.id("paysuccess-amount")).isEmpty();
    }

    /** When the browser started navigating to the page it shows now, in epoch milliseconds. */
    long navigationStartedAt() {
        Number origin = (Number) browser.driver().executeScript("return performance.timeOrigin;");
        return Math.round(origin.doubleValue());
    }
}
