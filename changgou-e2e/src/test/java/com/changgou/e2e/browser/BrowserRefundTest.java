package com.changgou.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Browser;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A shopper cancels a paid order from the receipt and watches the order page: it says the refund is
 * on its way, and moves to "refunded" by itself, over the same Web STOMP push as the wxpay page,
 * without a reload.
 */
@ExtendWith(SuiteExtension.class)
class BrowserRefundTest {

    private static final Duration MOVE_LIMIT = Duration.ofSeconds(30);

    @Test
    void theOrderPageMovesToRefundedByItself(Suite suite) {
        try (Browser browser = Browser.open("refund")) {
            ShopperPages shopper = ShopperPages.signUp(browser, suite, "refunder");
            String orderId = shopper.placeOrder(Map.of(BrowserPayTest.MUG, 1));
            shopper.chooseWxPay();
            BrowserPayTest.payAndAwaitReceipt(suite, shopper, "push", shopper.codeUrl());
            // The receipt can come a moment before the order service has the payment (the push is pay's):
            // the order page offers the cancel once the order is PAID.
            await().atMost(ShopperPages.PAGE_LIMIT).until(() -> OrderSchema.statuses(suite, List.of(orderId)).get(orderId),
                    "PAID"::equals);
            shopper.open("/api/worder/order/" + orderId);
            // WeChat holds the refund back (NOTENOUGH) until the page is watching.
            suite.sandbox().refundFault(null, "NOTENOUGH", null, 0);
            try {
                shopper.waiting(ShopperPages.PAGE_LIMIT).until(ExpectedConditions.elementToBeClickable(By.id("cancel-refund"))).click();
                shopper.waiting(ShopperPages.PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("order-status")));
                assertThat(shopper.text("order-status")).contains("REFUNDING");
                assertThat(shopper.path()).startsWith("/api/worder/order/" + orderId);
                shopper.awaitPushStatus(ShopperPages.LIVE_TEXT);
                shopper.driver().executeScript("window.__stillThisPage = true;");
                browser.screenshot("order-refunding");
            } finally {
                suite.sandbox().clearFaults();
            }

            shopper.waiting(MOVE_LIMIT).until(d -> shopper.text("order-status").contains("REFUNDED"));

            assertThat(shopper.driver().executeScript("return window.__stillThisPage === true;"))
                    .as("moved without a reload").isEqualTo(Boolean.TRUE);
            assertThat(shopper.driver().findElements(By.cssSelector("#refunds tr.refund[data-state=SUCCESS]"))).hasSize(1);
            browser.screenshot("order-refunded");
        }
    }
}
