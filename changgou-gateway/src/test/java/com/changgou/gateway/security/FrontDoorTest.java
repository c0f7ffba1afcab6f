package com.changgou.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.security.TestTokens;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as the internet meets it: the real routes of application.yml, Spring Security, and
 * sessions in the machine's real Redis (under a namespace of this run, removed afterwards), with
 * the services behind it played by {@link StubServices}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "gateway.sign-in.max-failures=3",
        "gateway.sign-in.lockout=2m"})
class FrontDoorTest {

    private static final StubServices SERVICES = new StubServices();
    private static final TestRedisKeys REDIS_KEYS = new TestRedisKeys();
    private static final Pattern BEARER = Pattern.compile("authorization=Bearer ([^;]+);");

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private ReactiveStringRedisTemplate redis;

    private Visitor visitor;

    @DynamicPropertySource
    static void servicesAndRedis(DynamicPropertyRegistry registry) {
        for (String service : new String[]{"changgou-service-user", "changgou-service-pay", "changgou-web-order"}) {
            registry.add("spring.cloud.discovery.client.simple.instances.%s[0].uri".formatted(service), SERVICES::uri);
        }
        REDIS_KEYS.register(registry);
        GatewaySecrets.register(registry);
    }

    @BeforeEach
    void newVisitor() {
        visitor = new Visitor(port);
    }

    @AfterEach
    void forgetFailures() {
        REDIS_KEYS.removeFailures(redis);
    }

    @AfterAll
    static void cleanUp(@Autowired ReactiveStringRedisTemplate redis) {
        REDIS_KEYS.removeAll(redis);
        SERVICES.close();
    }

    @Test
    void aShopperWhoSignsInWithThePasswordReachesTheShopUnderTheVerifiedNameNotASpoofedOne() {
        assertThat(visitor.signIn("alice", StubServices.ALICE_PASSWORD)).isEqualTo("/");

        HttpResponse<String> shop = visitor.send(visitor.request("/api/worder/shop")
                .header("X-User-Name", "mallory").header("X-Shop-Csrf-Token", "forged")
                .header("Authorization", "Bearer forged-by-mallory").GET());

        assertThat(shop.statusCode()).isEqualTo(200);
        assertThat(shop.body()).contains("path=/worder/shop", "user=alice", "x-user-name=null")
                .doesNotContain("mallory", "forged");
        assertThat(shop.body()).matches(".*csrf=[A-Za-z0-9_-]{20,}.*");
    }

    @Test
    void theServicesAreToldTheShopperByAShortLivedTokenTheGatewaySignedForThem() {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);

        Jwt token = TestTokens.verify(forwardedToken(visitor.get("/api/worder/shop")));

        assertThat(token.getClaimAsString("iss")).isEqualTo("changgou-gateway");
        assertThat(token.getAudience()).containsExactly("changgou-services");
        assertThat(token.getSubject()).isEqualTo("alice");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("SHOPPER");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofSeconds(60));
        assertThat(token.getExpiresAt()).isAfter(Instant.now().plusSeconds(30));
    }

    @Test
    void oneTokenServesASessionWhileAnotherSessionGetsItsOwn() {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);
        Visitor sameShopperElsewhere = new Visitor(port);
        sameShopperElsewhere.signIn("alice", StubServices.ALICE_PASSWORD);

        String first = forwardedToken(visitor.get("/api/worder/shop"));
        String second = forwardedToken(visitor.get("/api/wxpay/status?orderId=1"));
        String elsewhere = forwardedToken(sameShopperElsewhere.get("/api/worder/shop"));

        assertThat(second).isEqualTo(first);
        assertThat(elsewhere).isNotEqualTo(first);
        assertThat(TestTokens.verify(elsewhere).getSubject()).isEqualTo("alice");
    }

    @Test
    void aNameInCapitalsSignsInAsTheSameLowerCaseAccount() {
        visitor.signIn("  ALICE ", StubServices.ALICE_PASSWORD);

        assertThat(visitor.get("/api/worder/shop").body()).contains("user=alice");
    }

    @Test
    void aWrongPasswordSendsTheVisitorBackToTheFormAndSignsNobodyIn() {
        assertThat(visitor.signIn("alice", "not the password")).isEqualTo("/login?error");
        assertThat(visitor.getPage("/login?error").body()).contains("Wrong username or password.");

        HttpResponse<String> shop = visitor.get("/api/worder/shop");
        assertThat(shop.statusCode()).isEqualTo(401);
        assertThat(shop.body()).contains("\"flag\":false", "sign in first");
    }

    @Test
    void anUnknownNameIsRefusedLikeAWrongPassword() {
        assertThat(visitor.signIn("nobody-here", "whatever-password")).isEqualTo("/login?error");
    }

    @Test
    void aPageAskedForBeforeSigningInRedirectsToTheFormAndComesBackAfterwards() {
        HttpResponse<String> page = visitor.getPage("/api/wxpay?orderId=42");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("location")).hasValue("/login");

        assertThat(visitor.signIn("alice", StubServices.ALICE_PASSWORD)).endsWith("/api/wxpay?orderId=42");
    }

    @Test
    void signingInWithoutTheFormsCsrfTokenIsRefused() {
        visitor.csrfFrom("/login");
        HttpResponse<String> forged = visitor.postForm("/login",
                Map.of("username", "alice", "password", StubServices.ALICE_PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(visitor.get("/api/worder/shop").statusCode()).isEqualTo(401);
    }

    @Test
    void aCrossSiteFormPostToTheShopChangesNothing() {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);

        HttpResponse<String> order = visitor.postForm("/api/worder/order", Map.of("sku", "100003", "qty", "1"));

        assertThat(order.statusCode()).isEqualTo(403);
        assertThat(order.body()).doesNotContain("path=");
    }

    @Test
    void aFormPostWithTheSessionsTokenReachesTheShop() {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);
        String token = visitor.csrfFrom("/login");

        HttpResponse<String> order = visitor.postForm("/api/worder/order",
                Map.of("sku", "100003", "qty", "1", "note", "a & b = ü", "_csrf", token));

        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(order.body()).contains("path=/worder/order", "method=POST", "user=alice")
                .contains("sku=100003", "qty=1", "note=a+%26+b+%3D+%C3%BC", "_csrf=");
    }

    @Test
    void repeatedFailuresPauseTheNameEvenForTheRightPasswordAndSaySo() {
        for (int i = 0; i < 3; i++) {
            assertThat(visitor.signIn("alice", "guess-" + i)).isEqualTo("/login?error");
        }

        assertThat(visitor.signIn("alice", StubServices.ALICE_PASSWORD)).isEqualTo("/login?paused");
        assertThat(visitor.getPage("/login?paused").body())
                .contains("Too many failed sign-ins for this username", "paused for 2 minutes");
        assertThat(visitor.get("/api/worder/shop").statusCode()).isEqualTo(401);
        assertThat(redis.getExpire(REDIS_KEYS.failurePrefix() + "alice").block()).isPositive();
    }

    @Test
    void signingOutByPostEndsTheSessionOnTheServer() {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);
        String stolen = visitor.session();
        String token = visitor.csrfFrom("/login");

        HttpResponse<String> out = visitor.postForm("/logout", Map.of("_csrf", token));
        assertThat(out.headers().firstValue("location")).as("%d %s", out.statusCode(), out.body()).hasValue("/login?logout");

        Visitor thief = new Visitor(port);
        thief.useSession(stolen);
        assertThat(thief.get("/api/worder/shop").statusCode()).isEqualTo(401);
    }

    @Test
    void aGetToLogoutSignsNobodyOut() {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);

        visitor.getPage("/logout");

        assertThat(visitor.get("/api/worder/shop").body()).contains("user=alice");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureOutsideTheLocalProfile() {
        visitor.csrfFrom("/login");

        assertThat(visitor.sessionCookieHeader()).hasValueSatisfying(cookie -> assertThat(cookie)
                .containsIgnoringCase("HttpOnly").contains("SameSite=Lax", "Secure", "Path=/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/order/1", "/internal/pay/wxpay/close?orderId=1", "/api/order",
            "/api/order/1", "/api/pay/wxpay/native?orderId=1", "/api/pay/wxpay/close?orderId=1",
            "/api/pay/wxpay/status?orderId=1", "/internal/user/accounts/alice/credentials", "/eureka/apps"})
    void serviceApisAreNotRoutedEvenForASignedInShopper(String path) {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);
        String token = visitor.csrfFrom("/login");

        assertThat(visitor.get(path).statusCode()).as("GET " + path).isEqualTo(404);
        assertThat(visitor.postForm(path, Map.of("_csrf", token)).statusCode()).as("POST " + path).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/worder/../../internal/order/1", "/api/worder/shop;jsessionid=1",
            "/api/worder/%2e%2e/%2e%2e/internal/order", "/api/worder%2F..%2Finternal", "/api/worder/shop%3Bx=1",
            "/api/worder/%252e%252e/internal", "/api/worder/shop%5C..", "/api/wxpay/.%2e/order"})
    void pathsThatTryToClimbOutOfTheShopAreRefusedAtTheDoor(String path) {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);

        HttpResponse<String> response = visitor.get(path);

        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.body()).doesNotContain("path=");
    }

    @Test
    void wechatsNotificationReachesPayWithoutSessionOrCsrfToken() {
        HttpResponse<String> notify = visitor.send(visitor.request("/api/pay/wxpay/notify")
                .header("Content-Type", "text/xml").header("Authorization", "Basic bWFsbG9yeTpzZWNyZXQ=")
                .header("X-User-Name", "mallory").POST(java.net.http.HttpRequest.BodyPublishers.ofString("<xml/>")));

        assertThat(notify.statusCode()).isEqualTo(200);
        assertThat(notify.body()).contains("path=/pay/wxpay/notify", "method=POST", "user=null", "authorization=null",
                "x-user-name=null", "csrf=null");
    }

    @Test
    void wechatsRefundNotificationReachesPayWithoutSessionOrCsrfTokenButOnlyByPost() {
        HttpResponse<String> notify = visitor.send(visitor.request("/api/pay/wxpay/refund/notify")
                .header("Content-Type", "text/xml").header("X-User-Name", "mallory")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<xml/>")));
        HttpResponse<String> read = visitor.get("/api/pay/wxpay/refund/notify");

        assertThat(notify.statusCode()).isEqualTo(200);
        assertThat(notify.body()).contains("path=/pay/wxpay/refund/notify", "method=POST", "user=null",
                "authorization=null", "x-user-name=null");
        assertThat(read.statusCode()).isNotEqualTo(200);
        assertThat(read.body()).doesNotContain("path=");
    }

    @Test
    void alipaysNotificationAndThePhonesGoPageReachPayWithoutASession() {
        HttpResponse<String> notify = visitor.send(visitor.request("/api/pay/alipay/notify")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-User-Name", "mallory")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("trade_status=TRADE_SUCCESS")));
        HttpResponse<String> go = visitor.get("/api/pay/alipay/go/0123456789abcdef");
        HttpResponse<String> goPosted = visitor.send(visitor.request("/api/pay/alipay/go/0123456789abcdef")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> deeper = visitor.get("/api/pay/alipay/go/0123456789abcdef/more");

        assertThat(notify.statusCode()).isEqualTo(200);
        assertThat(notify.body()).contains("path=/pay/alipay/notify", "method=POST", "user=null", "authorization=null",
                "x-user-name=null");
        assertThat(go.statusCode()).isEqualTo(200);
        assertThat(go.body()).contains("path=/pay/alipay/go/0123456789abcdef", "method=GET", "user=null");
        assertThat(goPosted.body()).doesNotContain("path=");
        assertThat(deeper.body()).doesNotContain("path=");
    }

    @Test
    void aShoppersSessionSentAlongWithANotificationIsNotReadNorVouchedForToPay() {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);

        HttpResponse<String> wechat = visitor.send(visitor.request("/api/pay/wxpay/notify")
                .header("Content-Type", "text/xml").POST(java.net.http.HttpRequest.BodyPublishers.ofString("<xml/>")));
        HttpResponse<String> alipay = visitor.send(visitor.request("/api/pay/alipay/notify")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("trade_status=TRADE_SUCCESS")));
        HttpResponse<String> go = visitor.get("/api/pay/alipay/go/0123456789abcdef");
        HttpResponse<String> shop = visitor.get("/api/worder/shop");

        for (HttpResponse<String> machine : List.of(wechat, alipay, go)) {
            assertThat(machine.statusCode()).isEqualTo(200);
            assertThat(machine.body()).contains("user=null", "authorization=null", "csrf=null");
            assertThat(machine.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(shop.body()).contains("user=alice");
    }

    @Test
    void signingUpGoesThroughTheUserServiceAndBackToTheSignInForm() {
        String token = visitor.csrfFrom("/signup");

        HttpResponse<String> created = visitor.postForm("/signup",
                Map.of("username", "New-Shopper", "password", "a long password", "confirm", "a long password", "_csrf", token));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("location")).hasValue("/login?signedUp");
    }

    @Test
    void aTakenNameOrMismatchedPasswordsAreExplainedOnTheForm() {
        String token = visitor.csrfFrom("/signup");

        HttpResponse<String> taken = visitor.postForm("/signup",
                Map.of("username", StubServices.TAKEN, "password", "a long password", "confirm", "a long password", "_csrf", token));
        HttpResponse<String> differ = visitor.postForm("/signup",
                Map.of("username", "someone", "password", "a long password", "confirm", "another one", "_csrf", token));

        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("username taken-name is taken");
        assertThat(differ.body()).contains("The two passwords differ.");
    }

    @Test
    void signingUpWithoutTheCsrfTokenIsRefused() {
        visitor.csrfFrom("/signup");

        assertThat(visitor.postForm("/signup", Map.of("username", "someone", "password", "a long password",
                "confirm", "a long password")).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/ops", "/api/ops/dead-letters", "/api/ops/orders/1864000000000000001"})
    void aSignedInShopperIsForbiddenEveryOpsPage(String path) {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);

        HttpResponse<String> page = visitor.getPage(path);

        assertThat(page.statusCode()).as("GET " + path).isEqualTo(403);
        assertThat(page.body()).doesNotContain("path=");
    }

    @Test
    void aSignedInShopperCannotActOnADeadLetterEvenWithTheSessionsCsrfToken() {
        visitor.signIn("alice", StubServices.ALICE_PASSWORD);
        String token = visitor.csrfFrom("/login");

        HttpResponse<String> discard = visitor.postForm("/api/ops/dead-letters/1/discard",
                Map.of("reason", "looks like junk", "_csrf", token));

        assertThat(discard.statusCode()).isEqualTo(403);
        assertThat(discard.body()).doesNotContain("path=");
    }

    @Test
    void anOpsPageAskedForBeforeSigningInRedirectsToTheForm() {
        HttpResponse<String> page = visitor.getPage("/api/ops/dead-letters");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("location")).hasValue("/login");
    }

    @Test
    void anOperatorReachesTheOpsConsoleOfWebOrderWithATokenThatSaysOperator() {
        visitor.signIn(StubServices.OLGA, StubServices.OLGA_PASSWORD);

        HttpResponse<String> home = visitor.getPage("/api/ops");
        HttpResponse<String> deadLetters = visitor.getPage("/api/ops/dead-letters?state=OPEN");

        assertThat(home.body()).contains("path=/ops;", "method=GET", "user=olga");
        assertThat(deadLetters.body()).contains("path=/ops/dead-letters;", "user=olga");
        assertThat(TestTokens.verify(forwardedToken(deadLetters)).getClaimAsStringList("roles"))
                .containsExactlyInAnyOrder("SHOPPER", "OPERATOR");
    }

    @Test
    void anOperatorsActionNeedsTheSessionsCsrfTokenLikeAnyForm() {
        visitor.signIn(StubServices.OLGA, StubServices.OLGA_PASSWORD);
        String token = visitor.csrfFrom("/login");

        HttpResponse<String> forged = visitor.postForm("/api/ops/dead-letters/1/discard", Map.of("reason", "junk"));
        HttpResponse<String> discard = visitor.postForm("/api/ops/dead-letters/1/discard",
                Map.of("reason", "junk from a test", "_csrf", token));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("path=");
        assertThat(discard.statusCode()).isEqualTo(200);
        assertThat(discard.body()).contains("path=/ops/dead-letters/1/discard;", "method=POST", "user=olga",
                "reason=junk+from+a+test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/health", "/actuator", "/actuator/env"})
    void thePublicPortServesNoActuatorEvenToASignedInOperator(String path) {
        HttpResponse<String> anonymous = visitor.get(path);
        visitor.signIn(StubServices.OLGA, StubServices.OLGA_PASSWORD);
        HttpResponse<String> operator = visitor.get(path);

        assertThat(anonymous.statusCode()).as("anonymous " + path).isIn(401, 403, 404);
        assertThat(operator.statusCode()).as("operator " + path).isIn(403, 404);
        assertThat(anonymous.body() + operator.body()).doesNotContain("jvm_", "\"status\"", "path=");
    }

    @Test
    void theManagementPortServesHealthAndThePrometheusScrapeWithoutASession() {
        Visitor scraper = new Visitor(managementPort);

        HttpResponse<String> health = scraper.get("/actuator/health");
        HttpResponse<String> scrape = scraper.send(scraper.request("/actuator/prometheus").GET());

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(scraper.get("/actuator/env").statusCode()).isIn(401, 403, 404);
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.2", managementPort), 2_000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    /** The bearer token the echoing stub service was sent. */
    private static String forwardedToken(HttpResponse<String> echoed) {
        assertThat(echoed.statusCode()).isEqualTo(200);
        Matcher bearer = BEARER.matcher(echoed.body());
        assertThat(bearer.find()).as("a bearer token in " + echoed.body()).isTrue();
        return bearer.group(1);
    }
}
