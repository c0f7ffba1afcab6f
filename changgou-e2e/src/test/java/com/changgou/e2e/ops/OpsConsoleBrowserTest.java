package com.changgou.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.ops.Purchases.Purchase;
import com.changgou.e2e.support.Browser;
import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Notifications;
import com.changgou.e2e.support.Operator;
import com.changgou.e2e.support.OrderSchema;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An operator, signed in through the gateway like anyone else, works the ops console in Chromium:
 * follows a payment's story with its notifications, deals with the dead-letter queue (a poison
 * message discarded, a repaired pay result re-driven until the order is PAID), approves a refund
 * WeChat could not complete, and watches the live charts. The screenshots go to the README.
 */
@ExtendWith(SuiteExtension.class)
class OpsConsoleBrowserTest {

    private static final Duration PAGE_LIMIT = Duration.ofSeconds(20);
    private static final Duration PARK_LIMIT = Duration.ofSeconds(30);
    private static final String POISON = "{this is not a pay result <img src=x onerror=\"window.__pwned=1\">";

    @Test
    void findsAPaymentAndSeesItsNotificationsWithTheirVerdicts(Suite suite) {
        Purchase purchase = Purchases.paid(suite, Shopper.signUp(suite, "storied"), Goods.MUG);
        assertThat(Notifications.succeeded(Purchases.forgeNotification(suite, purchase))).isFalse();

        try (Browser browser = Browser.open("ops-story")) {
            Operator.signIn(browser, suite);
            browser.driver().findElement(By.cssSelector("#ops-search input[name=orderId]")).sendKeys(purchase.orderId());
            browser.driver().findElement(By.id("ops-search-go")).click();
            WebElement found = browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#payments tr.payment[data-order-id='%s']".formatted(purchase.orderId()))));
            assertThat(found.getDomAttribute("data-out-trade-no")).isEqualTo(purchase.outTradeNo());
            assertThat(found.getDomAttribute("data-state")).isEqualTo("SUCCESS");
            found.findElement(By.cssSelector("a.story")).click();

            String record = "section.pay-record[data-out-trade-no='%s']".formatted(purchase.outTradeNo());
            browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(record)));
            assertThat(browser.driver().findElement(By.id("order-summary")).getDomAttribute("data-status")).isEqualTo("PAID");
            assertThat(browser.driver().findElements(By.cssSelector(record + " tr.notification[data-verdict=ACCEPTED]"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector(
                    record + " tr.notification[data-verdict=REFUSED][data-reason=bad_signature]"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector(record + " tr.outbox-message[data-state=SENT]"))).isNotEmpty();
            browser.driver().executeScript("arguments[0].scrollIntoView();",
                    browser.driver().findElement(By.cssSelector(record)));
            browser.screenshot("ops-story");
        }
    }

    @Test
    void discardsAPoisonMessageAndRedrivesARepairedPayResultUntilTheOrderIsPaid(Suite suite) {
        // A message no pay service wrote: not even JSON, and markup meant for the operator's browser.
        assertThat(suite.rabbit().publish("amq.default", "order.pay.result", POISON)).isTrue();
        // A genuine payment the order service must refuse: the order's amount was changed under it.
        Purchase purchase = Purchases.started(Shopper.signUp(suite, "repaired"), Goods.MUG);
        suite.orderDb().update("UPDATE tb_order SET pay_money = pay_money + 1 WHERE id = ?", purchase.orderId());
        suite.sandbox().pay(purchase.codeUrl());
        await().atMost(PARK_LIMIT).until(() -> suite.orderDb().count(
                "SELECT COUNT(*) FROM dead_letter WHERE order_id = ? AND state = 'OPEN'", purchase.orderId()) == 1);
        long poison = await().atMost(PARK_LIMIT).until(() -> suite.orderDb().count(
                "SELECT COUNT(*) FROM dead_letter WHERE body LIKE '{this is not a pay result%' AND state = 'OPEN'"), n -> n >= 1);
        assertThat(poison).isPositive();
        assertThat(suite.rabbit().messages("order.pay.result.dlq")).as("parked, not left in the DLQ").isZero();

        try (Browser browser = Browser.open("ops-dead-letters")) {
            Operator.signIn(browser, suite);
            browser.driver().get(suite.gateway().resolve("/api/ops/dead-letters").toString());
            String repairedRow = "#dead-letters tr.dead-letter[data-order-id='%s'][data-state=OPEN]".formatted(purchase.orderId());
            WebElement repaired = browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(repairedRow)));
            assertThat(repaired.findElement(By.cssSelector(".reason")).getText()).contains(purchase.orderId());
            WebElement garbage = poisonRow(browser);
            assertThat(garbage.findElement(By.cssSelector(".reason")).getText()).isNotBlank();
            assertThat(garbage.findElement(By.cssSelector(".body")).getText()).as("shown as text").contains("<img src=x");
            assertThat(browser.driver().executeScript("return window.__pwned === undefined;"))
                    .as("the message's markup never ran in the operator's browser").isEqualTo(Boolean.TRUE);
            browser.screenshot("ops-dead-letters");

            // Re-driven before the repair: rejected again, still OPEN, and the page says so.
            act(browser, repairedRow + " form.redrive", "trying before the fix");
            assertThat(browser.driver().findElement(By.id("flash")).getText()).containsIgnoringCase("rejected");
            assertThat(status(suite, purchase.orderId())).isEqualTo("UNPAID");

            suite.orderDb().update("UPDATE tb_order SET pay_money = pay_money - 1 WHERE id = ?", purchase.orderId());
            act(browser, repairedRow + " form.redrive", "order amount restored after the bad migration");
            assertThat(browser.driver().findElement(By.id("flash")).getText()).containsIgnoringCase("applied");
            Purchases.awaitStatus(suite, purchase.orderId(), "PAID");

            String garbageId = poisonRow(browser).getDomAttribute("data-id");
            act(browser, "#dead-letters tr.dead-letter[data-id='%s'] form.discard".formatted(garbageId), "not JSON, nobody can apply it");
            assertThat(browser.driver().findElements(By.cssSelector("#dead-letters tr.dead-letter[data-id='%s']".formatted(garbageId))))
                    .as("no longer OPEN").isEmpty();
        }
        Map<String, Object> redriven = suite.orderDb().single(
                "SELECT state, decided_by, decision_reason FROM dead_letter WHERE order_id = ?", purchase.orderId());
        assertThat(redriven).containsEntry("state", "REDRIVEN").containsEntry("decided_by", Operator.username(suite));
        assertThat(suite.orderDb().count("SELECT COUNT(*) FROM tb_operator_action WHERE operator = ? AND order_id = ?",
                Operator.username(suite), purchase.orderId())).as("both re-drives recorded with who and why").isEqualTo(2);
    }

    @Test
    void approvesARefundWeChatCouldNotCompleteAndTheOrderIsRefunded(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "changed");
        Purchase purchase = Purchases.paid(suite, shopper, Goods.MUG);
        suite.sandbox().refundFault(null, "CHANGE", 1, 0);
        try {
            shopper.postForm("/api/worder/order/" + purchase.orderId() + "/cancel", Map.of());
            await().atMost(Purchases.SETTLE).until(() -> suite.orderDb().count(
                    "SELECT COUNT(*) FROM tb_order_refund WHERE order_id = ? AND state = 'CHANGE'", purchase.orderId()) == 1);
        } finally {
            suite.sandbox().clearFaults();
        }
        assertThat(status(suite, purchase.orderId())).isEqualTo("REFUNDING");

        try (Browser browser = Browser.open("ops-refunds")) {
            Operator.signIn(browser, suite);
            browser.driver().get(suite.gateway().resolve("/api/ops/refunds").toString());
            String row = "#refunds-attention tr.refund-attention[data-order-id='%s'][data-state=CHANGE]".formatted(purchase.orderId());
            browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
            browser.screenshot("ops-refunds");
            act(browser, row + " form.approve", "bank transfer made by finance, ticket 4711");
            assertThat(browser.driver().findElement(By.id("flash")).getAttribute("class")).doesNotContain("error");
        }
        Purchases.awaitStatus(suite, purchase.orderId(), "REFUNDED");
        assertThat(suite.orderDb().count("SELECT COUNT(*) FROM tb_operator_action WHERE operator = ? AND order_id = ? AND action = 'APPROVE'",
                Operator.username(suite), purchase.orderId())).isEqualTo(1);
    }

    @Test
    void theLiveViewDrawsTheLastHour(Suite suite) {
        Purchases.paid(suite, Shopper.signUp(suite, "live"), Goods.STICKER);
        try (Browser browser = Browser.open("ops-live")) {
            Operator.signIn(browser, suite);
            browser.driver().get(suite.gateway().resolve("/api/ops/live").toString());
            for (String chart : List.of("chart-payments", "chart-refusals", "chart-outbox")) {
                browser.waiting(PAGE_LIMIT).until(ExpectedConditions.attributeToBe(By.id(chart), "data-rendered", "true"));
            }
            assertThat(Integer.parseInt(browser.driver().findElement(By.id("chart-payments")).getDomAttribute("data-points")))
                    .isGreaterThanOrEqualTo(60);
            assertThat(browser.driver().findElements(By.cssSelector("#chart-payments canvas"))).isNotEmpty();
            browser.screenshot("ops-live");
        }
    }

    private static WebElement poisonRow(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#dead-letters tr.dead-letter[data-state=OPEN]")).stream()
                .filter(r -> r.findElement(By.cssSelector(".body")).getText().contains("{this is not a pay result"))
                .findFirst().orElseThrow(() -> new AssertionError("the poison message is not listed"));
    }

    /** Fills the reason of one form, submits it and waits for the page it redirects to. */
    private static void act(Browser browser, String formSelector, String reason) {
        WebElement form = browser.driver().findElement(By.cssSelector(formSelector));
        form.findElement(By.cssSelector("input[name=reason]")).sendKeys(reason);
        WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.stalenessOf(button));
        browser.waiting(PAGE_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
    }

    /** The order's status by the enum's name, as stored. */
    private static String status(Suite suite, String orderId) {
        return OrderSchema.statuses(suite, List.of(orderId)).get(orderId);
    }
}
