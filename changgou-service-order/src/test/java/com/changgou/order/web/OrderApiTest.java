package com.changgou.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.common.Result;
import com.changgou.order.FixtureJdbc;
import com.changgou.order.TestDatabase;
import com.changgou.order.api.BusinessType;
import com.changgou.order.api.CatalogueItem;
import com.changgou.order.api.OrderView;
import com.changgou.order.management.OrderManagement;
import com.changgou.order.management.OrderNotFoundException;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.PayFeign;
import com.changgou.security.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.client.RestClient;

/**
 * The internal HTTP API over a real port, against the machine's MariaDB (its own schema, seeded by the
 * migrations): what a client may say, and what it is charged. Requests carry the gateway's token as
 * web-order forwards it (the key is the tests' own). The broker is no part of it (the messaging side
 * has {@code OrderMessagingTest}): listeners stay stopped, the template is a mock, and the broker's
 * address leads nowhere, so nothing here can touch a shared RabbitMQ. The pay service is a stub that
 * records who called it.
 */
@Import(FixtureJdbc.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.rabbitmq.addresses=127.0.0.1:1",
        "spring.rabbitmq.listener.simple.auto-startup=false",
        // no order here is paid, and the outbox's relay has no broker to publish to
        "changgou.outbox.relay-enabled=false",
        // no order here lives long enough to expire, and the sweep never runs on its own
        "order.sweep-interval=PT1H"})
class OrderApiTest {

    static final TestDatabase DB = new TestDatabase();
    static final long EXPENSIVE_SKU = 900_001L;
    static final String SERVICE_PASSWORD = "order-service-test-secret-0123456789";
    static final StubPay PAY = new StubPay();

    @DynamicPropertySource
    static void databaseKeysAndPay(DynamicPropertyRegistry registry) {
        DB.register(registry);
        TestTokens.register(registry);
        registry.add("changgou.security.service-account.password", () -> SERVICE_PASSWORD);
        registry.add("spring.cloud.discovery.client.simple.instances.changgou-service-pay[0].uri", PAY::uri);
    }

    @AfterAll
    static void dropSchemaAndStopPay() throws Exception {
        PAY.close();
        DB.drop();
    }

    /** Takes the placed orders' timeouts, which would otherwise leave for the broker after each commit. */
    @MockitoBean
    RabbitTemplate rabbit;

    @Autowired
    OrderManagement orders;

    @Autowired
    PayFeign pay;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    @AfterEach
    void removeTheTestSku() {
        jdbc.sql("DELETE FROM tb_sku WHERE id = ?").param(EXPENSIVE_SKU).update();
    }

    @Test
    void anOrderIsShownToItsOwnerOnly() {
        ResponseEntity<String> placed = place("erin", "{\"skuId\":100002,\"quantity\":3}");
        assertThat(placed.getStatusCode().value()).isEqualTo(201);
        String id = orders.list("erin").get(0).id();

        ResponseEntity<String> mine = get("/internal/order/{id}", "erin", id);
        ResponseEntity<String> theirs = get("/internal/order/{id}", "mallory", id);

        assertThat(mine.getStatusCode().value()).isEqualTo(200);
        assertThat(mine.getBody()).contains("\"payMoneyFen\":7500");
        assertThat(theirs.getStatusCode().value()).isEqualTo(404);
        assertThat(theirs.getBody()).contains("order %s not found".formatted(id));
    }

    @Test
    void aPriceAndNameSentByTheClientAreIgnoredAndTheCataloguesCharged() {
        ResponseEntity<String> placed = place("frank",
                "{\"skuId\":100003,\"name\":\"free shirt\",\"priceFen\":1,\"moneyFen\":3,\"quantity\":3}");

        assertThat(placed.getStatusCode().value()).isEqualTo(201);
        OrderView order = orders.list("frank").get(0);
        assertThat(order.payMoneyFen()).isEqualTo(29_700);
        assertThat(order.totalMoneyFen()).isEqualTo(29_700);
        assertThat(order.items()).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("Changgou T-shirt");
            assertThat(item.priceFen()).isEqualTo(9_900);
            assertThat(item.moneyFen()).isEqualTo(29_700);
        });
    }

    @Test
    void aShoppersNameInAnotherCaseIsAnotherShopper() {
        place("alice", "{\"skuId\":100001,\"quantity\":1}");
        String id = orders.list("alice").get(0).id();

        assertThat(orders.list("ALICE")).isEmpty();
        assertThatThrownBy(() -> orders.get("ALICE", id)).isInstanceOf(OrderNotFoundException.class);
        assertThat(get("/internal/order", "ALICE", null).getBody()).contains("\"data\":[]");
        assertThat(get("/internal/order/{id}", "ALICE", id).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void quantity99OfAnItemPricedNearLongMaxIsRefusedAndNothingIsStored() {
        jdbc.sql("""
                        INSERT INTO tb_sku (id, name, price, on_sale, create_time, update_time)
                        VALUES (?, 'Gold bar', ?, TRUE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))""")
                .params(EXPENSIVE_SKU, Long.MAX_VALUE / 50)
                .update();

        ResponseEntity<String> refused = place("gina", "{\"skuId\":%d,\"quantity\":99}".formatted(EXPENSIVE_SKU));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("order total exceeds 10000000 fen");
        assertThat(orders.list("gina")).isEmpty();
    }

    @Test
    void unknownOffSaleAndRepeatedSkusAreRefusedByNameAndNothingIsStored() {
        ResponseEntity<String> unknown = place("hank", "{\"skuId\":424242,\"quantity\":1}");
        ResponseEntity<String> offSale = place("hank", "{\"skuId\":100004,\"quantity\":1}");
        ResponseEntity<String> twice = place("hank",
                "{\"skuId\":100001,\"quantity\":1},{\"skuId\":100001,\"quantity\":1}");

        assertThat(List.of(unknown, offSale, twice)).allSatisfy(r -> assertThat(r.getStatusCode().value()).isEqualTo(400));
        assertThat(unknown.getBody()).contains("sku 424242 is unknown");
        assertThat(offSale.getBody()).contains("sku 100004 is not on sale");
        assertThat(twice.getBody()).contains("sku 100001 appears twice");
        assertThat(orders.list("hank")).isEmpty();
    }

    @Test
    void anOrderOfGoodsAndACourseIsRefusedAndACourseAloneIsOrderedAsACourse() {
        ResponseEntity<String> mixed = place("ivan", "{\"skuId\":100002,\"quantity\":1},{\"skuId\":100005,\"quantity\":1}");

        assertThat(mixed.getStatusCode().value()).isEqualTo(400);
        assertThat(mixed.getBody())
                .contains("an order holds one kind of business: sku 100002 is goods, sku 100005 is course");
        assertThat(orders.list("ivan")).isEmpty();

        ResponseEntity<String> course = place("ivan", "{\"skuId\":100005,\"quantity\":1}");

        assertThat(course.getStatusCode().value()).isEqualTo(201);
        assertThat(course.getBody()).contains("\"businessType\":\"COURSE\"");
        assertThat(orders.list("ivan")).singleElement().satisfies(order -> {
            assertThat(order.businessType()).isEqualTo(BusinessType.COURSE);
            assertThat(order.payMoneyFen()).isEqualTo(19_900);
        });
    }

    @Test
    void theCatalogueListsTheGoodsOnSaleOnly() {
        Result<List<CatalogueItem>> catalogue = http().get().uri("/internal/catalogue")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.shopper("alice")).retrieve()
                .body(new ParameterizedTypeReference<>() { });

        assertThat(catalogue.flag()).isTrue();
        assertThat(catalogue.data()).containsExactly(
                new CatalogueItem(100001, "Changgou sticker", 1),
                new CatalogueItem(100002, "Changgou mug", 2_500),
                new CatalogueItem(100003, "Changgou T-shirt", 9_900),
                new CatalogueItem(100005, "Online course: WeChat Pay in practice", 19_900, BusinessType.COURSE));
    }

    @Test
    void theTimeoutClosesAtThePayServiceWithTheOrderServicesOwnAccount() {
        Result<CloseOutcome> closed = pay.close("42");

        assertThat(closed.data()).isEqualTo(CloseOutcome.CLOSED);
        assertThat(PAY.authorizations).containsExactly("Basic " + Base64.getEncoder().encodeToString(
                ("changgou-service-order:" + SERVICE_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void healthIsOpenForTheRegistryAndTheOrchestratorAndNothingElseIs() {
        assertThat(http().get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(http().get().uri("/actuator/env").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    private ResponseEntity<String> place(String username, String lines) {
        return http().post().uri("/internal/order").header(HttpHeaders.AUTHORIZATION, TestTokens.shopper(username))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"items\":[" + lines + "]}")
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> get(String path, String username, String id) {
        return http().get().uri(path, id == null ? new Object[0] : new Object[] {id})
                .header(HttpHeaders.AUTHORIZATION, TestTokens.shopper(username))
                .retrieve().toEntity(String.class);
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** The pay service's close(), answering CLOSED and noting the Authorization it was sent. */
    static final class StubPay implements AutoCloseable {

        final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        StubPay() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the stub pay service", e);
            }
            server.createContext(PayFeign.PATH + "/close", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "{\"flag\":true,\"code\":20000,\"message\":\"OK\",\"data\":\"CLOSED\"}"
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
