package com.changgou.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Browser;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Two shoppers in two browsers: neither can open the other's pay pages, and a payment of one
 * order moves only that order's page (each page subscribes to its own payment's token only).
 */
@ExtendWith(SuiteExtension.class)
class BrowserIsolationTest {

    private static final Duration NO_JUMP_FOR = Duration.ofSeconds(2);

    @Test
    void anotherShopperCannotOpenMyPagesAndItsPageIgnoresMyPayment(Suite suite) {
        try (Browser ownerBrowser = Browser.open("owner"); Browser otherBrowser = Browser.open("other")) {
            ShopperPages owner = ShopperPages.signUp(ownerBrowser, suite, "owner");
            String ownerOrder = owner.placeOrder(Map.of(BrowserPayTest.MUG, 1));
            owner.chooseWxPay();
            owner.awaitPushStatus(ShopperPages.LIVE_TEXT);
            String ownerToken = (String) ownerBrowser.driver().executeScript("return window.WXPAY.token;");
            assertThat(ownerToken).isNotBlank();

            ShopperPages other = ShopperPages.signUp(otherBrowser, suite, "other");
            String otherOrder = other.placeOrder(Map.of(BrowserPayTest.STICKER, 1));
            other.open("/api/wxpay?orderId=" + ownerOrder);
            assertRefusedAsNotYours(other, ownerToken);

            other.open("/api/worder/pay?orderId=" + otherOrder);
            other.chooseWxPay();
            other.awaitPushStatus(ShopperPages.LIVE_TEXT);
            String otherWxPay = other.path();
            assertThat(otherWxPay).isEqualTo("/api/wxpay?orderId=" + otherOrder);

            BrowserPayTest.payAndAwaitReceipt(suite, owner, "owner", owner.codeUrl());

            // the broadcast reached the other page as well; it must not have moved, then or a little later
            assertThat(other.path()).isEqualTo(otherWxPay);
            await().during(NO_JUMP_FOR).atMost(NO_JUMP_FOR.plusSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> other.path().equals(otherWxPay)
                            && other.text("push-status").startsWith(ShopperPages.LIVE_TEXT));
            assertThat(suite.payDb().count("SELECT COUNT(*) FROM pay_record WHERE order_id = ? AND status = 'NOTPAY'",
                    otherOrder)).isEqualTo(1);

            other.open("/api/wxpay/paysuccess?orderId=" + ownerOrder);
            assertRefusedAsNotYours(other, ownerToken);
        }
    }

    @Test
    void signingOutEndsTheSessionAndTheShopAsksForASignInAgain(Suite suite) {
        try (Browser browser = Browser.open("signout")) {
            ShopperPages shopper = ShopperPages.signUp(browser, suite, "signout");

            shopper.signOut();
            shopper.open("/api/worder/shop");

            shopper.waiting(ShopperPages.PAGE_LIMIT).until(d -> !d.findElements(By.id("login-form")).isEmpty());
            assertThat(shopper.driver().findElements(By.id("username")).get(0).getDomProperty("value")).isEmpty();
        }
    }

    private static void assertRefusedAsNotYours(ShopperPages shopper, String ownerToken) {
        shopper.waiting(ShopperPages.PAGE_LIMIT).until(d -> !d.findElements(By.id("fail-reason")).isEmpty());
        WebElement reason = shopper.driver().findElement(By.id("fail-reason"));
        assertThat(reason.getDomAttribute("data-failure")).isEqualTo("NOT_YOURS");
        assertThat(reason.getText()).isEqualTo("Not your order: no order with this number belongs to you.");
        assertThat(shopper.driver().findElements(By.id("qr"))).isEmpty();
        assertThat(shopper.driver().findElements(By.id("paysuccess-amount"))).isEmpty();
        assertThat(shopper.driver().getPageSource()).doesNotContain(ownerToken);
    }
}
