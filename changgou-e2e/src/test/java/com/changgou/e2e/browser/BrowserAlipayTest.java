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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Alipay on a PC: the page shows a QR code of the shop's own URL; a phone (a second, separate
 * browser that says it is one) opens that URL, is sent on to the Alipay cashier and pays there; the
 * PC page moves on to the receipt by itself, pushed over Web STOMP as for WeChat.
 */
@ExtendWith(SuiteExtension.class)
class BrowserAlipayTest {

    private static final Duration JUMP_LIMIT = Duration.ofSeconds(15);

    @Test
    void thePcPageMovesOnWhenThePhonePaysInTheCashier(Suite suite) {
        try (Browser pc = Browser.open("alipay-pc"); Browser phone = Browser.openPhone("alipay-phone")) {
            ShopperPages shopper = ShopperPages.signUp(pc, suite, "alipc");
            String orderId = shopper.placeOrder(Map.of(BrowserPayTest.MUG, 1));
            pc.driver().findElement(By.id("alipay-link")).click();
            shopper.waiting(ShopperPages.PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("alipay-qr")));
            assertThat(shopper.text("amount")).isEqualTo("25.00");
            shopper.awaitPushStatus(ShopperPages.LIVE_TEXT);
            String goUrl = pc.driver().findElement(By.id("alipay-go")).getDomProperty("href");
            assertThat(goUrl).startsWith(suite.gateway().resolve("/api/pay/alipay/go/").toString());
            pc.screenshot("alipay");

            phone.driver().get(goUrl);
            phone.waiting(ShopperPages.PAGE_LIMIT).until(ExpectedConditions.elementToBeClickable(By.id("alipay-pay")));
            phone.screenshot("alipay-cashier");
            phone.driver().findElement(By.id("alipay-pay")).click();

            shopper.waiting(JUMP_LIMIT).until(d -> shopper.onPaySuccess());
            assertThat(shopper.text("order-id")).isEqualTo(orderId);
            assertThat(shopper.text("paysuccess-amount")).isEqualTo("25.00");
        }
    }
}
