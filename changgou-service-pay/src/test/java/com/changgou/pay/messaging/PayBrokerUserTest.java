package com.changgou.pay.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The pay service's broker user, made by {@code scripts/rabbitmq-users.sh} in a vhost of this test's
 * own, can declare what {@link RabbitTopology} declares and nothing of the order service's. What
 * else each user may do is {@code BrokerPermissionsTest}'s (order module).
 */
class PayBrokerUserTest {

    private static final String API = env("RABBIT_MANAGEMENT_URL", "http://127.0.0.1:15672");
    private static final String ADMIN_USER = env("RABBIT_USER", "guest");
    private static final String ADMIN_PASSWORD = env("RABBIT_PASSWORD", "guest");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String VHOST = "changgou-pay-user-test-" + SUFFIX;
    private static final String PAY_USER = "changgou-pay-test-" + SUFFIX;
    private static final String PAY_PASSWORD = UUID.randomUUID().toString();
    private static final String ORDER_USER = "changgou-order-test-" + SUFFIX;
    private static final String USER_USER = "changgou-user-test-" + SUFFIX;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void vhostWithTheUsersScriptApplied() throws Exception {
        assertThat(management("PUT", "/api/vhosts/" + enc(VHOST), "{}")).isBetween(200, 299);
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/rabbitmq-users.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.contains("RABBIT"));
        builder.environment().putAll(Map.of("RABBIT_VHOST", VHOST, "RABBIT_MANAGEMENT_URL", API,
                "RABBIT_USER", ADMIN_USER, "RABBIT_PASSWORD", ADMIN_PASSWORD,
                "PAY_RABBIT_USER", PAY_USER, "PAY_RABBIT_PASSWORD", PAY_PASSWORD,
                "ORDER_RABBIT_USER", ORDER_USER, "ORDER_RABBIT_PASSWORD", UUID.randomUUID().toString(),
                "USER_RABBIT_USER", USER_USER, "USER_RABBIT_PASSWORD", UUID.randomUUID().toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @AfterAll
    static void removeTheVhostAndTheUsers() throws Exception {
        List<Integer> answers = new ArrayList<>();
        for (String path : List.of("/api/users/" + enc(PAY_USER), "/api/users/" + enc(ORDER_USER),
                "/api/users/" + enc(USER_USER), "/api/vhosts/" + enc(VHOST))) {
            answers.add(management("DELETE", path, null));
        }
        assertThat(answers).allMatch(status -> status / 100 == 2 || status == 404);
    }

    @Test
    void thePayUserDeclaresWhatThePayServiceDeclaresWhichIsPaynotifyAndItsTokenExchangeOnly() throws Exception {
        CachingConnectionFactory connectionFactory = payUsersConnectionFactory();
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(ConnectionFactory.class, () -> connectionFactory);
            context.register(Names.class, RabbitTopology.class);
            context.registerBean(RabbitAdmin.class, () -> new RabbitAdmin(connectionFactory));
            context.refresh();
            context.getBean(RabbitAdmin.class).initialize();

            assertThat(context.getBeansOfType(Declarable.class).values()).hasSize(3)
                    .anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(FanoutExchange.class,
                            exchange -> assertThat(exchange.getName()).isEqualTo("paynotify")))
                    .anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(TopicExchange.class,
                            exchange -> assertThat(exchange.getName()).isEqualTo("paynotify.token")))
                    .anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Binding.class, binding -> {
                        assertThat(binding.getExchange()).isEqualTo("paynotify");
                        assertThat(binding.getDestination()).isEqualTo("paynotify.token");
                    }));
            assertThat(management("GET", "/api/exchanges/" + enc(VHOST) + "/paynotify", null)).isEqualTo(200);
            assertThat(management("GET", "/api/exchanges/" + enc(VHOST) + "/paynotify.token", null)).isEqualTo(200);
            assertThat(management("GET", "/api/bindings/" + enc(VHOST) + "/e/paynotify/e/paynotify.token", null))
                    .as("the pay user made the exchange-to-exchange binding").isEqualTo(200);
        } finally {
            connectionFactory.destroy();
        }
    }

    @Test
    void thePayUserCannotDeclareTheOrderServicesExchange() {
        CachingConnectionFactory connectionFactory = payUsersConnectionFactory();
        try {
            RabbitAdmin admin = new RabbitAdmin(connectionFactory);
            assertThatThrownBy(() -> admin.declareExchange(new DirectExchange("order.pay", true, false)))
                    .isInstanceOf(AmqpException.class)
                    .rootCause().hasMessageContaining("ACCESS_REFUSED");
        } finally {
            connectionFactory.destroy();
        }
    }

    @EnableConfigurationProperties(PayRabbitProperties.class)
    static class Names {
    }

    private static CachingConnectionFactory payUsersConnectionFactory() {
        CachingConnectionFactory factory = new CachingConnectionFactory(env("RABBIT_HOST", "127.0.0.1"),
                Integer.parseInt(env("RABBIT_PORT", "5672")));
        factory.setVirtualHost(VHOST);
        factory.setUsername(PAY_USER);
        factory.setPassword(PAY_PASSWORD);
        return factory;
    }

    private static int management(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(API + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }
}
