package com.changgou.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.e2e.support.Browser;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shopper in a real Chromium: sign in, shop, open the WeChat Pay page, pay with the sandbox
 * "phone", and the page moves on to the receipt by itself, by push or, without a WebSocket,
 * by polling.
 */
@ExtendWith(SuiteExtension.class)
class BrowserPayTest {

    private static final Logger log = LoggerFactory.getLogger(BrowserPayTest.class);
    /** Reported, not benchmarked: a bound only a broken push (or poll) misses. */
    private static final Duration JUMP_LIMIT = Duration.ofSeconds(10);
    /** The paysuccess page polls for the order's points every 2 s for a minute. */
    private static final Duration POINTS_LIMIT = Duration.ofSeconds(60);
    /** Where the wxpay page opens its Web STOMP socket: the gateway proxies it to the broker. */
    private static final String PUSH_PATH = "/api/wxpay/push";
    static final long STICKER = 100001L;
    static final long MUG = 100002L;
    static final long T_SHIRT = 100003L;

    @Test
    void thePaidPageMovesOnToTheReceiptByPush(Suite suite) {
        try (Browser browser = Browser.open("push")) {
            ShopperPages shopper = ShopperPages.signUp(browser, suite, "push");
            String orderId = shopper.placeOrder(Map.of(MUG, 2, T_SHIRT, 1));
            shopper.chooseWxPay();

            assertThat(shopper.text("order-id")).isEqualTo(orderId);
            assertThat(shopper.text("amount")).isEqualTo("149.00");
            assertThat(shopper.qrNaturalWidth()).isPositive();
            assertThat(shopper.awaitPushStatus(ShopperPages.LIVE_TEXT))
                    .isEqualTo("Live updates on: this page moves on by itself once you have paid.");
            assertThat(shopper.text("countdown")).matches("\\d\\d:\\d\\d");
            browser.screenshot("wxpay");

            Jump jump = payAndAwaitReceipt(suite, shopper, "push", shopper.codeUrl());

            assertThat(shopper.text("paysuccess-amount")).isEqualTo("149.00");
            assertThat(shopper.text("order-id")).isEqualTo(orderId);
            // The order's points reach the user service over order.events a moment later; the page says so by itself.
            shopper.waiting(POINTS_LIMIT).until(d -> shopper.text("points-earned").contains("149 points"));
            browser.screenshot("paysuccess");
            shopper.driver().findElement(By.id("account-link")).click();
            shopper.waiting(ShopperPages.PAGE_LIMIT).until(d -> !d.findElements(By.id("points-balance")).isEmpty());
            assertThat(shopper.text("points-balance")).isEqualTo("149");
            assertThat(shopper.driver().findElements(By.cssSelector("#points-history tr.points-entry[data-kind=EARNED]")))
                    .hasSize(1);
            browser.screenshot("account");
            log.info("{} (written to {})", jump.line(), jump.write("push-latency.txt"));
        }
    }

    @Test
    void withoutAWebSocketThePageSaysSoAndMovesOnByPolling(Suite suite) {
        try (Browser browser = Browser.open("poll")) {
            // every page loaded from now on fails to reach Web STOMP, as behind a proxy without WebSockets
            browser.failWebSockets(PUSH_PATH);
            ShopperPages shopper = ShopperPages.signUp(browser, suite, "poll");
            shopper.placeOrder(Map.of(STICKER, 3));
            shopper.chooseWxPay();

            assertThat(shopper.text("amount")).isEqualTo("0.03");
            assertThat(shopper.awaitPushStatus("Live updates unavailable")).isEqualTo(ShopperPages.FALLBACK_TEXT);
            assertThat(browser.driver().findElement(By.id("push-status")).getDomAttribute("class")).contains("fallback");
            browser.screenshot("wxpay-polling");

            // the code_url as the pay service stored it, not as the page shows it
            Jump jump = payAndAwaitReceipt(suite, shopper, "poll", storedCodeUrl(suite, shopper.text("order-id")));

            assertThat(shopper.text("paysuccess-amount")).isEqualTo("0.03");
            log.info("{} (written to {})", jump.line(), jump.write("poll-latency.txt"));
        }
    }

    private static String storedCodeUrl(Suite suite, String orderId) {
        // the one open attempt of the order (the unique key allows no second)
        return suite.payDb().single("SELECT code_url FROM pay_record WHERE open_order_id = ?", orderId).get("code_url").toString();
    }

    /** Pays through the sandbox's API and waits for the page to land on the receipt by itself. */
    static Jump payAndAwaitReceipt(Suite suite, ShopperPages shopper, String how, String codeUrl) {
        long payStarted = System.currentTimeMillis();
        suite.sandbox().pay(codeUrl);
        long payReturned = System.currentTimeMillis();
        shopper.waiting(JUMP_LIMIT.plusSeconds(5)).until(d -> shopper.onPaySuccess());
        long landed = System.currentTimeMillis();
        Jump jump = Jump.measure(how, payStarted, payReturned, shopper.navigationStartedAt(), landed);
        assertThat(Duration.ofMillis(jump.toNavigationMillis())).isLessThan(JUMP_LIMIT);
        return jump;
    }
}
