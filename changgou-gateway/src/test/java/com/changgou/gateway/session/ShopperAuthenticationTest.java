package com.changgou.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.common.UserHeader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The gateway in front of a stub upstream that echoes the shopper header it was given, so the
 * test sees exactly what a downstream service would trust.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "gateway.session.secret=a-test-secret-of-enough-length"})
@AutoConfigureWebTestClient
class ShopperAuthenticationTest {

    private static final HttpServer UPSTREAM = startUpstream();

    @Autowired
    private WebTestClient client;

    @Autowired
    private SessionTokens tokens;

    @DynamicPropertySource
    static void routesToTheStub(DynamicPropertyRegistry registry) {
        String uri = "http://127.0.0.1:" + UPSTREAM.getAddress().getPort();
        String routes = "spring.cloud.gateway.server.webflux.routes";
        registry.add(routes + "[0].id", () -> "stub");
        registry.add(routes + "[0].uri", () -> uri);
        registry.add(routes + "[0].predicates[0]", () -> "Path=/api/**");
        registry.add(routes + "[0].filters[0]", () -> "StripPrefix=1");
    }

    private static HttpServer startUpstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String user = exchange.getRequestHeaders().getFirst(UserHeader.NAME);
                byte[] body = ("path=" + exchange.getRequestURI().getPath() + ";user=" + user)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub upstream", e);
        }
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop(0);
    }

    @Test
    void aSignedInShopperReachesTheUpstreamUnderTheVerifiedNameNotTheSpoofedOne() {
        client.get().uri("/api/order/42")
                .cookie("CGSESSION", tokens.issue("alice"))
                .header(UserHeader.NAME, "mallory")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("path=/order/42;user=alice");
    }

    @Test
    void aBrowserWithoutSessionIsSentToTheLoginPageWithItsPath() {
        client.get().uri("/api/wxpay?orderId=7")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?next=/api/wxpay?orderId%3D7");
    }

    @Test
    void anApiCallerWithoutSessionGets401Json() {
        client.get().uri("/api/pay/wxpay/status?orderId=7")
                .header(UserHeader.NAME, "mallory")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.flag").isEqualTo(false).jsonPath("$.code").isEqualTo(20002);
    }

    @Test
    void aTamperedCookieCountsAsNoSession() {
        String forged = "mallory" + tokens.issue("alice").substring("alice".length());
        client.get().uri("/api/worder/shop").cookie("CGSESSION", forged)
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theWechatNotifyIsPublicAndCarriesNoShopperName() {
        client.post().uri("/api/pay/wxpay/notify")
                .header(UserHeader.NAME, "mallory")
                .bodyValue("<xml/>")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("path=/pay/wxpay/notify;user=null");
    }

    @Test
    void staticAssetsArePublic() {
        client.get().uri("/api/worder/static/css/worder.css")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("path=/worder/static/css/worder.css;user=null");
    }

    @Test
    void signingInSetsAnHttpOnlyLaxCookieThatOpensTheShopperPaths() {
        var result = client.post().uri("/login")
                .body(BodyInserters.fromFormData("username", "bob_2").with("next", "/api/worder/shop"))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/worder/shop")
                .expectCookie().httpOnly("CGSESSION", true)
                .expectCookie().sameSite("CGSESSION", "Lax")
                .returnResult(Void.class);
        ResponseCookie cookie = result.getResponseCookies().getFirst("CGSESSION");
        assertThat(cookie).isNotNull();
        client.get().uri("/api/worder/shop").cookie("CGSESSION", cookie.getValue())
                .exchange()
                .expectBody(String.class).isEqualTo("path=/worder/shop;user=bob_2");
    }

    @Test
    void anInvalidUsernameIsRefusedWithTheForm() {
        client.post().uri("/login")
                .body(BodyInserters.fromFormData("username", "<script>"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectCookie().doesNotExist("CGSESSION")
                .expectBody(String.class).value(html -> assertThat(html).contains("login-error").doesNotContain("<script>"));
    }

    @Test
    void theLoginFormDoesNotRedirectToAnotherSite() {
        client.post().uri("/login")
                .body(BodyInserters.fromFormData("username", "bob").with("next", "//evil.example/x"))
                .exchange()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/worder/shop");
    }

    @Test
    void logoutClearsTheCookieAndRootGoesToTheShop() {
        client.get().uri("/logout").exchange()
                .expectStatus().isSeeOther()
                .expectCookie().maxAge("CGSESSION", java.time.Duration.ZERO);
        client.get().uri("/").exchange()
                .expectStatus().isEqualTo(HttpStatus.FOUND)
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/worder/shop");
    }

    @Test
    void healthIsPublic() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
