package com.changgou.e2e.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.e2e.support.Http;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The suite as `./changgou up` leaves it: every app registered, every gateway route answering. */
@ExtendWith(SuiteExtension.class)
class SuiteStartsTest {

    @Test
    void everyAppIsRegisteredInEurekaAndUp(Suite suite) {
        HttpResponse<String> response = Http.send(Http.request(suite.eureka().resolve("/eureka/apps"))
                .header("Authorization", Http.basic("changgou", suite.secret("EUREKA_PASSWORD")))
                .header("Accept", "application/json").GET().build());
        JsonNode apps = Http.json(response).path("applications").path("application");
        List<String> up = new ArrayList<>();
        for (JsonNode app : apps) {
            for (JsonNode instance : app.path("instance")) {
                if ("UP".equals(instance.path("status").asString())) {
                    up.add(app.path("name").asString());
                }
            }
        }
        assertThat(up).contains("CHANGGOU-GATEWAY", "CHANGGOU-SERVICE-USER", "CHANGGOU-SERVICE-ORDER", "CHANGGOU-SERVICE-PAY",
                "CHANGGOU-WEB-ORDER", "CHANGGOU-WXPAY-SANDBOX");
        assertThat(suite.status()).doesNotContain("DOWN");
    }

    @Test
    void theNotifyRouteIsPublicAndReachesThePayService(Suite suite) {
        HttpResponse<String> response = Http.send(Http.request(suite.gateway().resolve("/api/pay/wxpay/notify"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<xml><return_code>SUCCESS</return_code></xml>"))
                .build());
        // Only the pay service answers in WeChat's reply format; an unsigned body is refused.
        assertThat(response.body()).contains("<return_code><![CDATA[FAIL]]></return_code>");
    }

    @Test
    void shopperRoutesNeedASignInAndThenReachTheirApps(Suite suite) {
        HttpResponse<String> anonymous = Http.send(Http.request(suite.gateway().resolve("/api/worder/shop"))
                .header("Accept", "application/json").GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        Shopper shopper = Shopper.signUp(suite, "routes");
        HttpResponse<String> page = shopper.page("/api/worder/shop");
        assertThat(page.statusCode()).isEqualTo(200);
        // the catalogue web-order shows is the one it read from the order service
        assertThat(page.body()).contains("Changgou T-shirt", "99.00");
    }
}
