package com.changgou.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A shopper who tries what the front door must not allow, against the running suite. Each case
 * replays one attack, asserts that nothing changed, and prints one line.
 */
@ExtendWith(SuiteExtension.class)
class HostileShopperTest {

    private static final List<String> SERVICE_APIS = List.of("/api/order", "/api/order/1", "/api/pay/wxpay/native?orderId=1",
            "/api/pay/wxpay/status?orderId=1", "/api/pay/wxpay/close?orderId=1", "/internal/order/1",
            "/internal/catalogue", "/internal/pay/wxpay/close?orderId=1", "/internal/user/accounts/x/credentials",
            "/pay/wxpay/close?orderId=1", "/order/1", "/eureka/apps",
            "/internal/order/1/cancel", "/internal/order/1/refunds", "/internal/pay/wxpay/refunds",
            "/internal/pay/wxpay/refunds/1", "/api/pay/wxpay/refunds", "/internal/user/points", "/pay/wxpay/refund/notify");

    private static final List<String> ACTUATOR = List.of("/actuator/env", "/actuator/gateway/routes",
            "/actuator/prometheus", "/actuator/health", "/actuator");

    @Test
    void anOrderCannotBePricedByTheClient(Suite suite) {
        Shopper mallory = Shopper.signUp(suite, "pricer");

        HttpResponse<String> json = mallory.postForm("/api/order", Map.of("items[0].skuId", "100003", "items[0].priceFen", "1"));
        String orderId = placedOrderId(mallory.postForm("/api/worder/order",
                Map.of("sku", "100003", "qty", "1", "priceFen", "1", "price", "1", "name", "free shirt", "totalMoney", "1")));

        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(mallory.order(orderId).path("payMoney").asLong()).isEqualTo(Goods.T_SHIRT.priceFen());
        assertThat(mallory.nativePay(orderId).path("totalFee").asLong()).isEqualTo(Goods.T_SHIRT.priceFen());
        AttackReport.print("price sent by the client (JSON API, extra form fields)",
                "JSON API 404; form order costs %d fen, the shop's price".formatted(Goods.T_SHIRT.priceFen()));
    }

    @Test
    void quantitiesThatWouldWrapTheTotalOrLeaveTheCatalogueAreRefused(Suite suite) {
        Shopper mallory = Shopper.signUp(suite, "wrapper");
        List<Map<String, String>> forms = List.of(
                Map.of("sku", "100003", "qty", "93163582512089"),
                Map.of("sku", "100003", "qty", "2147483647"),
                Map.of("sku", "100003", "qty", "-1"),
                Map.of("sku", "100003", "qty", "100"),
                Map.of("sku", Long.toString(Goods.UMBRELLA.skuId()), "qty", "1"),
                Map.of("sku", "999999", "qty", "1"));

        List<Integer> statuses = new ArrayList<>();
        for (Map<String, String> form : forms) {
            HttpResponse<String> answer = mallory.postForm("/api/worder/order", form);
            statuses.add(answer.statusCode());
            assertThat(answer.headers().firstValue("location")).as("%s redirected to a payment", form).isEmpty();
        }

        assertThat(statuses).allMatch(status -> status == 400);
        assertThat(ordersOf(suite, mallory)).isZero();
        AttackReport.print("overflowing, negative, off-sale and unknown lines",
                "all %d refused with %s; no order stored".formatted(forms.size(), statuses));
    }

    @Test
    void anotherShoppersTradeCannotBeClosedReadOrPaid(Suite suite) {
        Shopper alice = Shopper.signUp(suite, "alice");
        String orderId = alice.placeOrder(Goods.MUG, 1);
        JsonNode payment = alice.nativePay(orderId);
        Shopper bob = Shopper.signUp(suite, "bob");

        HttpResponse<String> close = bob.postForm("/api/pay/wxpay/close?orderId=" + orderId, Map.of());
        HttpResponse<String> page = bob.page("/api/wxpay?orderId=" + orderId);
        HttpResponse<String> status = bob.get("/api/wxpay/status?orderId=" + orderId);
        HttpResponse<String> qr = bob.get("/api/wxpay/qr?orderId=" + orderId);
        HttpResponse<String> receipt = bob.page("/api/wxpay/paysuccess?orderId=" + orderId);
        HttpResponse<String> choose = bob.page("/api/worder/pay?orderId=" + orderId);

        assertThat(close.statusCode()).isEqualTo(404);
        for (HttpResponse<String> answer : List.of(page, status, qr, receipt, choose)) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isBetween(400, 499);
            assertThat(answer.body()).doesNotContain(payment.path("token").asString(), payment.path("codeUrl").asString());
        }
        assertThat(suite.sandbox().order(payment.path("outTradeNo").asString()).path("state").asString()).isEqualTo("NOTPAY");
        assertThat(alice.order(orderId).path("status").asString()).isEqualTo("UNPAID");
        AttackReport.print("bob closes, reads, pays alice's order",
                "close 404; page %d, status %d, qr %d, receipt %d, pay %d; trade still NOTPAY".formatted(
                        page.statusCode(), status.statusCode(), qr.statusCode(), receipt.statusCode(), choose.statusCode()));
    }

    @Test
    void aNameInAnotherCaseIsTheSameAccountAndNeedsItsPassword(Suite suite) {
        Shopper alice = Shopper.signUp(suite, "casey");
        String orderId = alice.placeOrder(Goods.STICKER, 1);
        Shopper impostor = Shopper.signUp(suite, "impostor");
        String upper = alice.username().toUpperCase();

        HttpResponse<String> signUpAgain = impostor.postForm("/signup",
                Map.of("username", upper, "password", "impostor-password", "confirm", "impostor-password"));
        Shopper asUpper = Shopper.as(suite, upper);
        boolean withoutPassword = asUpper.signIn("");
        boolean withOwnPassword = asUpper.signIn(impostor.password());
        boolean withAlicesPassword = asUpper.signIn(alice.password());

        assertThat(signUpAgain.statusCode()).isEqualTo(400);
        assertThat(signUpAgain.body()).contains("taken");
        assertThat(withoutPassword).isFalse();
        assertThat(withOwnPassword).isFalse();
        assertThat(withAlicesPassword).as("the owner's name in capitals with the owner's password").isTrue();
        assertThat(impostor.page("/api/wxpay?orderId=" + orderId).statusCode()).isBetween(400, 499);
        AttackReport.print("sign up or in as " + upper.substring(0, 5) + "… (another case), no or wrong password",
                "sign-up 400 'taken'; sign-in refused without the owner's password");
    }

    @Test
    void signingInWithoutThePasswordFails(Suite suite) {
        Shopper victim = Shopper.signUp(suite, "victim");
        Shopper attacker = Shopper.as(suite, victim.username());

        boolean blank = attacker.signIn("");
        boolean guessed = attacker.signIn("password123");
        HttpResponse<String> shop = attacker.get("/api/worder/shop");

        assertThat(blank).isFalse();
        assertThat(guessed).isFalse();
        assertThat(shop.statusCode()).isEqualTo(401);
        AttackReport.print("sign in as someone with no or a guessed password", "refused; shop answers 401");
    }

    @Test
    void repeatedFailedSignInsPauseTheNameAndSaySo(Suite suite) {
        Shopper victim = Shopper.signUp(suite, "guessed");
        Shopper attacker = Shopper.as(suite, victim.username());

        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signIn("guess-" + i)).isFalse();
        }
        HttpResponse<String> paused = attacker.postForm("/login", Map.of("username", victim.username(), "password", victim.password()));
        HttpResponse<String> page = attacker.page("/login?paused");
        Shopper bystander = Shopper.signUp(suite, "bystander");

        assertThat(paused.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?paused"));
        assertThat(page.body()).contains("Too many failed sign-ins for this username", "paused for 5 minutes");
        assertThat(bystander.page("/api/worder/shop").statusCode()).as("other names are not paused").isEqualTo(200);
        AttackReport.print("5 wrong passwords, then the right one", "name paused for 5 minutes, said plainly; other names unaffected");
    }

    @Test
    void aCrossSiteFormPostChangesNothing(Suite suite) {
        Shopper victim = Shopper.signUp(suite, "csrf");

        HttpResponse<String> order = victim.postFormAsIs("/api/worder/order", Map.of("sku", "100003", "qty", "1"));
        HttpResponse<String> forgedToken = victim.postFormAsIs("/api/worder/order",
                Map.of("sku", "100003", "qty", "1", "_csrf", "not-the-token"));
        Shopper visitor = Shopper.as(suite, "someone");
        HttpResponse<String> loginCsrf = visitor.postFormAsIs("/login",
                Map.of("username", victim.username(), "password", victim.password()));
        HttpResponse<String> logout = victim.postFormAsIs("/logout", Map.of());

        assertThat(List.of(order.statusCode(), forgedToken.statusCode(), loginCsrf.statusCode(), logout.statusCode()))
                .containsOnly(403);
        assertThat(ordersOf(suite, victim)).isZero();
        assertThat(visitor.get("/api/worder/shop").statusCode()).isEqualTo(401);
        assertThat(victim.page("/api/worder/shop").statusCode()).as("still signed in").isEqualTo(200);
        AttackReport.print("form posts from another site (order, sign-in, sign-out)", "all 403; no order, no session");
    }

    @Test
    void noSessionSurvivesSigningOut(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "leaver");
        String copied = shopper.session();

        HttpResponse<String> get = shopper.get("/logout");
        boolean stillInAfterGet = shopper.page("/api/worder/shop").statusCode() == 200;
        HttpResponse<String> post = shopper.postForm("/logout", Map.of());
        Shopper thief = Shopper.as(suite, shopper.username());
        thief.useSession(copied);

        assertThat(stillInAfterGet).as("a GET signs nobody out (a link or image could)").isTrue();
        assertThat(post.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(thief.get("/api/worder/shop").statusCode()).isEqualTo(401);
        AttackReport.print("replay the session cookie after sign-out", "GET /logout %d ignored; after POST the old cookie gets 401"
                .formatted(get.statusCode()));
    }

    @Test
    void theSessionIdChangesAtSignInSoAPlantedOneIsWorthNothing(Suite suite) {
        Shopper victim = Shopper.signUp(suite, "fixed");
        Shopper planted = Shopper.as(suite, victim.username());
        planted.page("/login");
        String before = planted.session();

        assertThat(planted.signIn(victim.password())).isTrue();
        Shopper attacker = Shopper.as(suite, "attacker");
        attacker.useSession(before);

        assertThat(planted.session()).isNotEqualTo(before);
        assertThat(attacker.get("/api/worder/shop").statusCode()).isEqualTo(401);
        AttackReport.print("session fixation (plant a cookie, victim signs in)", "new session id at sign-in; planted one gets 401");
    }

    @Test
    void theServicesApisAreNotRoutedAndClimbingPathsAreRefused(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "explorer");
        List<String> climbing = List.of("/api/worder/../../internal/order/1", "/api/worder/shop;x=1",
                "/api/worder/%2e%2e/%2e%2e/internal/catalogue", "/api/worder%2F..%2F..%2Finternal%2Fcatalogue",
                "/api/wxpay/..%2f..%2finternal/order", "/api/worder/%252e%252e/internal");

        for (String path : SERVICE_APIS) {
            assertThat(shopper.get(path).statusCode()).as("GET " + path).isEqualTo(404);
            assertThat(shopper.postForm(path, Map.of()).statusCode()).as("POST " + path).isEqualTo(404);
        }
        for (String path : climbing) {
            assertThat(shopper.get(path).statusCode()).as(path).isEqualTo(400);
        }
        // The actuator answers on the gateway's management port only; the public port denies the path outright.
        for (String path : ACTUATOR) {
            HttpResponse<String> answer = shopper.get(path);
            assertThat(answer.statusCode()).as("GET " + path).isIn(403, 404);
            assertThat(answer.body()).as("GET " + path).doesNotContain("jvm_").doesNotContain("\"status\":\"UP\"")
                    .doesNotContain("propertySources");
        }
        AttackReport.print("service APIs, the actuator and ../ ; %2e %2f paths through the door",
                "%d APIs 404 (GET and POST), %d actuator paths refused, %d climbing paths 400".formatted(
                        SERVICE_APIS.size(), ACTUATOR.size(), climbing.size()));
    }

    @Test
    void anotherShoppersPaidOrderCannotBeCancelledOrRead(Suite suite) {
        Shopper alice = Shopper.signUp(suite, "refundee");
        Shopper mallory = Shopper.signUp(suite, "canceller");
        String orderId = alice.placeOrder(Goods.MUG, 1);
        suite.sandbox().pay(alice.nativePay(orderId).path("codeUrl").asString());
        await().atMost(Duration.ofSeconds(60)).until(() -> "PAID".equals(alice.order(orderId).path("status").asString()));

        HttpResponse<String> cancel = mallory.postForm("/api/worder/order/" + orderId + "/cancel", Map.of());
        HttpResponse<String> page = mallory.page("/api/worder/order/" + orderId);
        HttpResponse<String> state = mallory.get("/api/worder/order/" + orderId + "/state");
        HttpResponse<String> forgedForm = alice.postFormAsIs("/api/worder/order/" + orderId + "/cancel", Map.of());

        assertThat(cancel.statusCode()).as(cancel.body()).isBetween(400, 499);
        assertThat(page.statusCode()).isBetween(400, 499);
        assertThat(page.body()).doesNotContain(alice.username());
        assertThat(state.statusCode()).isBetween(400, 499);
        assertThat(forgedForm.statusCode()).as("a cancel without the session's CSRF token").isEqualTo(403);
        assertThat(alice.order(orderId).path("status").asString()).isEqualTo("PAID");
        assertThat(suite.orderDb().count("SELECT COUNT(*) FROM tb_order_refund WHERE order_id = ?", orderId)).isZero();
        AttackReport.print("cancel (refund) another shopper's paid order; a cross-site cancel form",
                "cancel %d, page %d, state %d; without CSRF %d; still PAID, no refund".formatted(cancel.statusCode(),
                        page.statusCode(), state.statusCode(), forgedForm.statusCode()));
    }

    @Test
    void aSpoofedUserHeaderIsIgnored(Suite suite) {
        Shopper mallory = Shopper.signUp(suite, "spoofer");
        Shopper alice = Shopper.signUp(suite, "spoofed");
        String orderId = alice.placeOrder(Goods.MUG, 1);

        HttpResponse<String> shop = mallory.page("/api/worder/shop", "X-User-Name", alice.username());
        HttpResponse<String> page = mallory.page("/api/wxpay?orderId=" + orderId, "X-User-Name", alice.username());

        assertThat(shop.body()).contains(mallory.username()).doesNotContain(alice.username());
        assertThat(page.statusCode()).isBetween(400, 499);
        AttackReport.print("X-User-Name: <another shopper> from outside", "dropped at the door; pages show the signed-in shopper");
    }

    @Test
    void aPollingLoopAsksWechatAtMostOncePerInterval(Suite suite) throws Exception {
        Shopper shopper = Shopper.signUp(suite, "poller");
        String orderId = shopper.placeOrder(Goods.STICKER, 1);
        String outTradeNo = shopper.nativePay(orderId).path("outTradeNo").asString();
        long started = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> polls = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                polls.add(pool.submit(() -> shopper.get("/api/wxpay/status?orderId=" + orderId).statusCode()));
            }
            for (Future<Integer> poll : polls) {
                assertThat(poll.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int queries = suite.sandbox().order(outTradeNo).path("orderQueries").asInt();

        // the interval is 5 s and reconciliation waits 3 s before its first query: within that, one
        assertThat(seconds).as("the loop ran inside one interval").isLessThan(3.0);
        assertThat(queries).isEqualTo(1);
        AttackReport.print("60 status polls in %.1f s (4 at a time)".formatted(seconds), "orderquery at WeChat: " + queries);
    }

    private static long ordersOf(Suite suite, Shopper shopper) {
        return suite.orderDb().count("SELECT COUNT(*) FROM tb_order WHERE username = ?", shopper.username());
    }

    private static String placedOrderId(HttpResponse<String> placed) {
        String location = placed.headers().firstValue("location").orElseThrow(
                () -> new AssertionError("no order placed: %d %s".formatted(placed.statusCode(), placed.body())));
        return location.substring(location.indexOf("orderId=") + "orderId=".length());
    }
}
