package com.changgou.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.e2e.support.Http;
import com.changgou.e2e.support.Operator;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import com.changgou.e2e.support.Tokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nobody but an operator reaches the ops console or what it calls: a shopper gets 403 on every ops
 * page and action through the door, and the services' ops APIs refuse a shopper's token when asked
 * directly. The metrics are never served on the public port.
 */
@ExtendWith(SuiteExtension.class)
class OpsAccessTest {

    private static final List<String> PAGES = List.of("/api/ops", "/api/ops/payments?orderId=1", "/api/ops/orders/1",
            "/api/ops/dead-letters", "/api/ops/dead-letters?state=DISCARDED", "/api/ops/refunds", "/api/ops/live",
            "/api/ops/live.json");
    private static final List<String> ACTIONS = List.of("/api/ops/dead-letters/1/redrive", "/api/ops/dead-letters/1/discard",
            "/api/ops/refunds/R1/approve", "/api/ops/refunds/R1/retry");

    @Test
    void aShopperGets403OnEveryOpsPageAndAction(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "nosy");
        for (String page : PAGES) {
            assertThat(shopper.page(page).statusCode()).as("GET %s as a shopper", page).isEqualTo(403);
        }
        for (String action : ACTIONS) {
            HttpResponse<String> answer = shopper.postForm(action, Map.of("reason", "I would like to"));
            assertThat(answer.statusCode()).as("POST %s as a shopper (with the session's CSRF token)", action).isEqualTo(403);
        }
    }

    @Test
    void nobodySignedInIsSentToSignIn(Suite suite) {
        HttpResponse<String> answer = Shopper.as(suite, "stranger").page("/api/ops/dead-letters");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theOperatorGetsTheConsoleAndItsActionsStillNeedTheCsrfToken(Suite suite) {
        Shopper operator = Operator.signIn(suite);
        HttpResponse<String> console = operator.page("/api/ops");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("id=\"ops-search\"");

        HttpResponse<String> forged = operator.postFormAsIs("/api/ops/dead-letters/1/discard", Map.of("reason", "from another site"));
        assertThat(forged.statusCode()).as("an operator's action without the CSRF token").isEqualTo(403);
    }

    @Test
    void theServicesOpsApisRefuseAShoppersTokenAndTheRoutesDoNotReachThem(Suite suite) {
        String shopperToken = Tokens.gatewaySigned(suite, "nosy-shopper", List.of("SHOPPER"));
        String operatorToken = Tokens.gatewaySigned(suite, Operator.username(suite), List.of("OPERATOR"));
        URI orderOps = suite.app("ORDER_PORT").resolve("/internal/ops/order/dead-letters");
        URI payOps = suite.app("PAY_PORT").resolve("/internal/ops/pay/live?minutes=5");
        for (URI api : List.of(orderOps, payOps)) {
            assertThat(get(api, shopperToken).statusCode()).as("%s with a shopper's token", api).isEqualTo(403);
            assertThat(get(api, null).statusCode()).as("%s with no token", api).isEqualTo(401);
            assertThat(get(api, operatorToken).statusCode()).as("%s with an operator's token", api).isEqualTo(200);
        }
        Shopper operator = Operator.signIn(suite);
        assertThat(operator.get("/api/internal/ops/order/dead-letters").statusCode()).isEqualTo(404);
        assertThat(operator.get("/internal/ops/order/dead-letters").statusCode()).isIn(403, 404);
    }

    @Test
    void metricsAreServedInsideOnlyNeverOnThePublicPort(Suite suite) {
        HttpResponse<String> outside = Http.send(Http.request(suite.gateway().resolve("/actuator/prometheus")).GET().build());
        assertThat(outside.body()).doesNotContain("jvm_memory");
        assertThat(outside.statusCode()).isNotEqualTo(200);

        HttpResponse<String> inside = Http.send(Http.request(
                suite.app("GATEWAY_MANAGEMENT_PORT").resolve("/actuator/prometheus")).GET().build());
        assertThat(inside.statusCode()).isEqualTo(200);
        assertThat(inside.body()).contains("application=\"changgou-gateway\"");
    }

    private static HttpResponse<String> get(URI uri, String token) {
        HttpRequest.Builder request = Http.request(uri).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }
}
