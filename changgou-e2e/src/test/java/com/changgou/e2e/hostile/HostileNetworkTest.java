package com.changgou.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Http;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.Tokens;
import com.changgou.e2e.support.SuiteExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The inside of the suite as someone on its network would try it: the registry, the apps' own
 * ports, the services without the gateway's word, the broker with somebody else's account, and a
 * production start with the sandbox's key. Each case prints one line.
 */
@ExtendWith(SuiteExtension.class)
class HostileNetworkTest {

    /** Another address of this machine: a listener bound to 127.0.0.1 alone does not answer there. */
    private static final String OTHER_ADDRESS = "127.0.0.2";
    private static final Map<String, String> INSIDE_PORTS = Map.of("eureka", "EUREKA_PORT", "user", "USER_PORT",
            "order", "ORDER_PORT", "pay", "PAY_PORT", "web-order", "WEB_ORDER_PORT", "sandbox", "SANDBOX_PORT");

    @Test
    void theRegistryRefusesRegistrationsAndDeletionsWithoutItsAccount(Suite suite) {
        String app = "/eureka/apps/CHANGGOU-WEB-ORDER";
        String instance = """
                {"instance":{"instanceId":"evil:changgou-web-order:80","hostName":"evil.example","app":"CHANGGOU-WEB-ORDER",
                "ipAddr":"203.0.113.9","status":"UP","port":{"$":80,"@enabled":"true"},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";
        String gatewayInstance = "/eureka/apps/CHANGGOU-GATEWAY/changgou-gateway:" + suite.setting("GATEWAY_PORT");

        int register = eureka(suite, "POST", app, instance, null).statusCode();
        int guessed = eureka(suite, "POST", app, instance, Http.basic("changgou", "changgou")).statusCode();
        int delete = eureka(suite, "DELETE", gatewayInstance, null, null).statusCode();
        String registry = eureka(suite, "GET", app, null, Http.basic("changgou", suite.secret("EUREKA_PASSWORD"))).body();

        assertThat(List.of(register, guessed, delete)).containsOnly(401);
        assertThat(registry).doesNotContain("evil");
        assertThat(eureka(suite, "GET", gatewayInstance, null, Http.basic("changgou", suite.secret("EUREKA_PASSWORD")))
                .statusCode()).as("the gateway is still registered").isEqualTo(200);
        AttackReport.print("hostile-network", "register/delete at Eureka without its account",
                "register %d, guessed password %d, delete %d; registry unchanged".formatted(register, guessed, delete));
    }

    @Test
    void onlyTheGatewayAnswersOnAnotherAddressOfTheMachine(Suite suite) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (Map.Entry<String, String> app : INSIDE_PORTS.entrySet()) {
            refused.put(app.getKey(), probe(OTHER_ADDRESS, Integer.parseInt(suite.setting(app.getValue()))));
            assertThat(probe("127.0.0.1", Integer.parseInt(suite.setting(app.getValue())))).as(app.getKey() + " on loopback")
                    .isEqualTo("open");
        }
        String gateway = probe(OTHER_ADDRESS, Integer.parseInt(suite.setting("GATEWAY_PORT")));

        assertThat(refused).allSatisfy((app, result) -> assertThat(result).as(app).isEqualTo("refused"));
        assertThat(gateway).as("the door itself answers there").isEqualTo("open");
        AttackReport.print("hostile-network", "each app's port from " + OTHER_ADDRESS, "refused by " + refused.keySet()
                + "; only the gateway answers");
    }

    @Test
    void servicesRefuseEveryCallerTheGatewayDidNotVouchFor(Suite suite) {
        Shopper alice = Shopper.signUp(suite, "direct");
        String orderId = alice.placeOrder(Goods.MUG, 1);
        PrivateKey gatewayKey = Tokens.read(Path.of(suite.setting("CHANGGOU_RUN_DIR"), "secrets", "gateway-jwt.pem"));
        Instant soon = Instant.now().plusSeconds(60);
        String order = "http://127.0.0.1:" + suite.setting("ORDER_PORT") + "/internal/order/" + orderId;
        String close = "http://127.0.0.1:" + suite.setting("PAY_PORT") + "/internal/pay/wxpay/close?orderId=" + orderId;
        String accounts = "http://127.0.0.1:" + suite.setting("USER_PORT") + "/internal/user/accounts/"
                + alice.username() + "/credentials";

        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("bare X-User-Name", direct("GET", order, Map.of("X-User-Name", alice.username())));
        answers.put("no token", direct("GET", order, Map.of()));
        answers.put("foreign key", direct("GET", order, bearer(Tokens.sign(Tokens.foreignKey(), "changgou-gateway",
                "changgou-services", alice.username(), soon))));
        answers.put("expired", direct("GET", order, bearer(Tokens.sign(gatewayKey, "changgou-gateway",
                "changgou-services", alice.username(), Instant.now().minusSeconds(120)))));
        answers.put("wrong issuer", direct("GET", order, bearer(Tokens.sign(gatewayKey, "someone-else",
                "changgou-services", alice.username(), soon))));
        answers.put("wrong audience", direct("GET", order, bearer(Tokens.sign(gatewayKey, "changgou-gateway",
                "another-api", alice.username(), soon))));
        answers.put("close, no credential", direct("POST", close, Map.of()));
        answers.put("user API, no credential", direct("GET", accounts, Map.of()));
        int closeAsShopper = direct("POST", close, bearer(Tokens.sign(gatewayKey, "changgou-gateway",
                "changgou-services", alice.username(), soon)));
        int accountsAsShopper = direct("GET", accounts, bearer(Tokens.sign(gatewayKey, "changgou-gateway",
                "changgou-services", alice.username(), soon)));

        assertThat(answers).allSatisfy((attempt, status) -> assertThat(status).as(attempt).isEqualTo(401));
        assertThat(closeAsShopper).as("a shopper may not close trades").isEqualTo(403);
        assertThat(accountsAsShopper).as("a shopper may not read credentials").isEqualTo(403);
        assertThat(alice.order(orderId).path("status").asString()).isEqualTo("UNPAID");
        AttackReport.print("hostile-network", "services called directly without the gateway's word",
                "401 for %d attempts; shopper token on close/accounts: %d/%d".formatted(answers.size(), closeAsShopper,
                        accountsAsShopper));
    }

    @Test
    void aPaidMessageFromAnyAccountButPaysIsRefusedByTheBroker(Suite suite) throws Exception {
        Shopper shopper = Shopper.signUp(suite, "forger");
        String orderId = shopper.placeOrder(Goods.T_SHIRT, 1);
        JsonNode payment = shopper.nativePay(orderId);
        byte[] paid = """
                {"messageId":"forged-1","type":"PAY_RESULT","orderId":"%s","outTradeNo":"%s","transactionId":"4200000000forged",
                "totalFee":%d,"paidAt":"%s"}""".formatted(orderId, payment.path("outTradeNo").asString(),
                payment.path("totalFee").asLong(), Instant.now()).getBytes(StandardCharsets.UTF_8);
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put(suite.setting("ORDER_RABBIT_USER"), suite.secret("ORDER_RABBIT_PASSWORD"));
        accounts.put(suite.setting("USER_RABBIT_USER"), suite.secret("USER_RABBIT_PASSWORD"));
        accounts.put("webguest", "webguest");

        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            refusals.add(account.getKey() + ": " + publishRefused(suite, account.getKey(), account.getValue(), "order.pay",
                    "order.pay.result", paid));
        }

        assertThat(refusals).allSatisfy(r -> assertThat(r).contains("ACCESS_REFUSED"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> "UNPAID".equals(shopper.order(orderId).path("status").asString()));
        AttackReport.print("hostile-network", "a 'paid' message to order.pay as order's user and as webguest",
                "both refused by the broker (ACCESS_REFUSED); order stays UNPAID");
    }

    @Test
    void webguestMayOnlySubscribeAndItsQueuesAreBounded(Suite suite) throws Exception {
        String publish = publishRefused(suite, "webguest", "webguest", "paynotify", "", "{}".getBytes(StandardCharsets.UTF_8));
        String read = readRefused(suite, "webguest", "webguest", "order.pay.result");
        JsonNode policy = Http.json(suite.rabbit().policy("webstomp-subscriptions"));
        JsonNode limits = suite.rabbit().vhostLimits();

        assertThat(publish).contains("ACCESS_REFUSED");
        assertThat(read).contains("ACCESS_REFUSED");
        assertThat(policy.path("definition").has("expires")).isTrue();
        assertThat(policy.path("definition").has("max-length")).isTrue();
        assertThat(limits.toString()).contains("max-queues", "max-connections");
        AttackReport.print("hostile-network", "webguest publishes, reads order.pay.result, piles up queues",
                "publish and read refused; subscription queues expire %s ms, max-length %s; vhost %s".formatted(
                        policy.path("definition").path("expires"), policy.path("definition").path("max-length"),
                        limits.path(0).path("value")));
    }

    @Test
    void eachAppsDatabaseAccountReachesItsOwnSchemaOnlyAndNoAppIsRoot(Suite suite) {
        String orderAccount = suite.setting("ORDER_DB_NAME");
        String paySchema = suite.setting("PAY_DB_NAME");
        List<String> refused = new ArrayList<>();
        for (String sql : List.of("SELECT COUNT(*) FROM `" + paySchema + "`.pay_record", "DROP TABLE tb_order",
                "CREATE DATABASE changgou_intruder", "SELECT COUNT(*) FROM mysql.user")) {
            refused.add(sqlRefused(orderAccount, suite.secret("ORDER_DB_PASSWORD"), orderAccount, sql));
        }
        List<String> connected = suite.orderDb().query("SELECT DISTINCT USER AS account FROM information_schema.PROCESSLIST "
                + "WHERE DB IN (?, ?, ?) AND ID <> CONNECTION_ID()", suite.setting("USER_DB_NAME"), orderAccount, paySchema)
                .stream().map(row -> String.valueOf(row.get("account"))).toList();

        assertThat(refused).allSatisfy(answer -> assertThat(answer).contains("denied"));
        assertThat(connected).isNotEmpty().doesNotContain("root")
                .isSubsetOf(suite.setting("USER_DB_NAME"), orderAccount, paySchema);
        AttackReport.print("hostile-network", "order's database account reads pay, drops, creates",
                "all %d refused; apps connected as %s, never root".formatted(refused.size(), connected));
    }

    private static String sqlRefused(String user, String password, String schema, String sql) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:3306/" + schema + "?serverTimezone=UTC", user, password);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return "allowed: " + sql;
        } catch (java.sql.SQLException e) {
            return e.getMessage();
        }
    }

    @Test
    void thePayServiceUnderProdRefusesToStartWithTheSandboxKey(Suite suite) throws Exception {
        Path jar = suite.root().resolve("changgou-service-pay/target/changgou-service-pay-1.0.0-SNAPSHOT.jar");
        ProcessBuilder pay = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx200m", "-jar",
                jar.toString(), "--spring.profiles.active=prod", "--server.port=0", "--eureka.client.enabled=false")
                .redirectErrorStream(true);
        Map<String, String> env = pay.environment();
        env.putAll(Map.of("WXPAY_KEY", "sandboxkey0000000000000000000000", "WXPAY_MCH_ID", "1900000001",
                "WXPAY_APPID", "wx8888888888888888", "WXPAY_BASE_URL", "http://127.0.0.1:" + suite.setting("SANDBOX_PORT"),
                "WXPAY_NOTIFY_URL", "http://127.0.0.1:" + suite.setting("GATEWAY_PORT") + "/api/pay/wxpay/notify",
                "WXPAY_REFUND_NOTIFY_URL", "http://127.0.0.1:" + suite.setting("GATEWAY_PORT") + "/api/pay/wxpay/refund/notify",
                "PAY_DB_NAME", suite.setting("PAY_DB_NAME"), "PAY_DB_USER", suite.setting("PAY_DB_NAME"),
                "PAY_DB_PASSWORD", suite.secret("PAY_DB_PASSWORD")));
        // Alipay set up as a real shop would, so what is refused is WeChat's sandbox merchant.
        Path alipayKeys = Path.of(suite.setting("CHANGGOU_RUN_DIR"), "secrets", "alipay");
        env.putAll(Map.of("ALIPAY_APP_ID", "2021009999999999", "ALIPAY_GATEWAY_URL", "https://openapi.alipay.com/gateway.do",
                "ALIPAY_APP_PRIVATE_KEY", alipayKeys.resolve("app-private.pem").toString(),
                "ALIPAY_PUBLIC_KEY", alipayKeys.resolve("alipay-public.pem").toString(),
                "ALIPAY_NOTIFY_URL", "https://shop.example/api/pay/alipay/notify",
                "ALIPAY_RETURN_URL", "https://shop.example/api/wxpay/paysuccess"));
        Process process = pay.start();
        String output;
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the pay service stopped by itself").isTrue();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("the prod profile refuses test settings", "WXPAY_KEY is the sandbox's key")
                .doesNotContain("sandboxkey0000000000000000000000");
        AttackReport.print("hostile-network", "pay started under prod with the sandbox's merchant",
                "refused to start (exit %d), naming each test setting".formatted(process.exitValue()));
    }

    private static String probe(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return "open";
        } catch (ConnectException e) {
            return "refused";
        } catch (IOException e) {
            return "error: " + e;
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static int direct(String method, String uri, Map<String, String> headers) {
        HttpRequest.Builder request = Http.request(URI.create(uri)).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return Http.send(request.build()).statusCode();
    }

    private static HttpResponse<String> eureka(Suite suite, String method, String path, String json, String authorization) {
        HttpRequest.Builder request = Http.request(suite.eureka().resolve(path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request.build());
    }

    private static ConnectionFactory broker(Suite suite, String user, String password) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(suite.vhost());
        factory.setUsername(user);
        factory.setPassword(password);
        return factory;
    }

    /** Publishes with confirms; returns how the broker answered ("ACCESS_REFUSED ..." or "accepted"). */
    private static String publishRefused(Suite suite, String user, String password, String exchange, String routingKey,
                                         byte[] body) throws Exception {
        try (Connection connection = broker(suite, user, password).newConnection()) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey, null, body);
            channel.waitForConfirmsOrDie(5_000);
            return "accepted";
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException e) {
            return String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    private static String readRefused(Suite suite, String user, String password, String queue) throws Exception {
        try (Connection connection = broker(suite, user, password).newConnection()) {
            connection.createChannel().basicGet(queue, false);
            return "read";
        } catch (IOException e) {
            return String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }
}
