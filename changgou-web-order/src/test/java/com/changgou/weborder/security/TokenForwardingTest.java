package com.changgou.weborder.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.common.UserHeader;
import com.changgou.security.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * web-order over real HTTP, with the order and user services a stub that notes what it was sent: a page
 * renders for the gateway's token only, and the token goes on to the order and user services as it came.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class TokenForwardingTest {

    static final StubOrderService ORDERS = new StubOrderService();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keyAndOrderService(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("spring.cloud.discovery.client.simple.instances.changgou-service-order[0].uri", ORDERS::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.changgou-service-user[0].uri", ORDERS::uri);
    }

    @AfterAll
    static void stopStub() {
        ORDERS.close();
    }

    @BeforeEach
    void forget() {
        ORDERS.authorizations.clear();
    }

    @Test
    void theShopPageCallsTheOrderServiceWithTheTokenItCameWith() throws Exception {
        String token = TestTokens.shopper("alice");

        HttpResponse<String> shop = get("/worder/shop", "Authorization", token);

        assertThat(shop.statusCode()).isEqualTo(200);
        assertThat(shop.body()).contains("Changgou mug");
        assertThat(ORDERS.authorizations).containsExactly(token);
    }

    @Test
    void theAccountPageCallsTheUserServiceWithTheTokenItCameWith() throws Exception {
        String token = TestTokens.shopper("alice");

        HttpResponse<String> account = get("/worder/account", "Authorization", token);

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("<span id=\"points-balance\">42</span>");
        assertThat(ORDERS.authorizations).containsExactly(token);
    }

    static List<String> notTheGatewaysWord() {
        return TestTokens.notTheGatewaysWord("alice");
    }

    @Test
    void aBareUserNameHeaderRendersNothingAndCallsNobody() throws Exception {
        assertThat(get("/worder/shop", UserHeader.NAME, "alice").statusCode()).isEqualTo(401);
        assertThat(get("/wxpay?orderId=42", UserHeader.NAME, "alice").statusCode()).isEqualTo(401);

        assertThat(ORDERS.authorizations).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("notTheGatewaysWord")
    void aTokenOfAnotherKeyIssuerOrAudienceOrAnExpiredOneRendersNothingAndCallsNobody(String token) throws Exception {
        assertThat(get("/worder/shop", "Authorization", token).statusCode()).isEqualTo(401);
        assertThat(get("/wxpay?orderId=42", "Authorization", token).statusCode()).isEqualTo(401);

        assertThat(ORDERS.authorizations).isEmpty();
    }

    @Test
    void staticAssetsAndHealthNeedNoToken() throws Exception {
        assertThat(get("/worder/static/css/worder.css", "Accept", "text/css").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", "Accept", "application/json").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header(header, value).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The order service's catalogue and the user service's points, noting the Authorization of each call. */
    static final class StubOrderService implements AutoCloseable {

        final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        StubOrderService() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the stub order service", e);
            }
            server.createContext("/internal/catalogue", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = """
                        {"flag":true,"code":20000,"message":"OK","data":[{"skuId":100002,"name":"Changgou mug","priceFen":2500}]}"""
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/internal/user/points", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = """
                        {"flag":true,"code":20000,"message":"OK","data":{"balance":42,"entries":[]}}"""
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
