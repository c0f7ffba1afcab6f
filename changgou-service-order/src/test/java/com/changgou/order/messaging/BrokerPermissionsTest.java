package com.changgou.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.changgou.order.management.OrderProperties;
import com.jayway.jsonpath.JsonPath;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Against the machine's RabbitMQ, in a vhost of this test's own with the suite's scripts applied for
 * throw-away users: each app's user does what its app does, the order service's topology declared as
 * the order user, and nobody but the pay user can tell an order it was paid, nor anyone but the order
 * user announce an order event. webguest, whose password is in every wxpay page, may only subscribe,
 * and what it leaves behind goes away.
 */
class BrokerPermissionsTest {

    /** A payment's opaque token as the pay service makes them (128 random bits, url-safe Base64). */
    private static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

    static final ScriptedBroker BROKER = new ScriptedBroker();
    static final RabbitNames NAMES = defaultNames();
    /** Short, so the test sees an abandoned subscription queue go; the suite runs with the default 60 s. */
    static final Map<String, String> SETTINGS = Map.of("WEBSTOMP_QUEUE_EXPIRES_MS", "2000",
            "RABBIT_VHOST_MAX_QUEUES", "300", "RABBIT_VHOST_MAX_CONNECTIONS", "40");

    static Connection admin;
    static Connection pay;
    static Connection order;
    static Connection webguest;

    @BeforeAll
    static void vhostWithTheScriptsAppliedAndEachAppsTopologyDeclaredAsItsOwnUser() throws Exception {
        BROKER.create();
        // through the management API (as from a container); the re-run test lets the scripts choose
        BROKER.applyScripts("api", SETTINGS);
        declareTheOrderServicesTopologyAs(BROKER.order);
        admin = BROKER.connect(ScriptedBroker.ADMIN);
        pay = BROKER.connect(BROKER.pay);
        order = BROKER.connect(BROKER.order);
        webguest = BROKER.connect(BROKER.webguest);
        // what the pay service's RabbitTopology declares
        Channel payChannel = pay.createChannel();
        payChannel.exchangeDeclare("paynotify", BuiltinExchangeType.FANOUT, true);
        // what the pay service declares beside it: the pages subscribe here by their payment's token
        payChannel.exchangeDeclare("paynotify.token", BuiltinExchangeType.TOPIC, true);
        payChannel.exchangeBind("paynotify.token", "paynotify", "");
    }

    @AfterAll
    static void removeTheVhostAndItsUsers() throws Exception {
        BROKER.delete();
    }

    @Test
    void theResultQueuesAreQuorumQueuesWithADeliveryLimitThatDeadLetterAtLeastOnce() throws Exception {
        for (String queue : List.of(NAMES.payResultQueue(), NAMES.refundResultQueue())) {
            assertThat(typeOf(queue)).as(queue).isEqualTo("quorum");
            assertThat(argumentsOf(queue)).as(queue).containsEntry("x-delivery-limit", 10)
                    .containsEntry("x-dead-letter-exchange", NAMES.deadLetterExchange())
                    .containsEntry("x-dead-letter-strategy", "at-least-once")
                    .containsEntry("x-overflow", "reject-publish");
        }
        assertThat(argumentsOf(NAMES.timeoutQueue())).containsOnly(entry("x-queue-type", "quorum"),
                entry("x-delivery-limit", 10));
        assertThat(argumentsOf(NAMES.delayQueue(Duration.ofMinutes(30)))).containsEntry("x-queue-type", "quorum")
                .containsEntry("x-dead-letter-strategy", "at-least-once").doesNotContainKey("x-delivery-limit");
    }

    /** Nothing stands behind a dead-letter queue: a delivery limit there would drop what the parker put back. */
    @Test
    void theDeadLetterQueuesAreQuorumQueuesWithoutADeliveryLimit() throws Exception {
        for (String queue : List.of(NAMES.deadLetterQueue(), NAMES.refundDeadLetterQueue())) {
            assertThat(typeOf(queue)).as(queue).isEqualTo("quorum");
            assertThat(argumentsOf(queue)).as(queue).containsOnly(entry("x-queue-type", "quorum"));
        }
    }

    /** What rabbitmq-definitions.sh imports before the app starts: any other argument and the app could not start. */
    @Test
    void theOrderServicesQueuesAreDeclaredAsDefinitionsJsonHasThem() throws Exception {
        Path definitions = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("deploy/rabbitmq/definitions.json");
        List<Map<String, Object>> queues = JsonPath.read(Files.readString(definitions),
                "$.queues[?(@.name =~ /order\\..*/)]");
        assertThat(queues).hasSize(6);
        for (Map<String, Object> queue : queues) {
            String name = (String) queue.get("name");
            assertThat(argumentsOf(name)).as(name).isEqualTo(queue.get("arguments"));
        }
    }

    @Test
    void aPaidResultTheOrderUserPublishesIsRefusedAndNeverReachesOrderPayResult() throws Exception {
        String forged = paid();
        assertRefused(order, channel -> publish(channel, NAMES.payExchange(), NAMES.payResultRoutingKey(), forged));
        assertRefused(order, channel -> publish(channel, "", NAMES.payResultQueue(), forged));

        assertThat(payResultsUntilOneFromThePayUser()).doesNotContain(forged);
    }

    @Test
    void aPaidResultWebguestPublishesIsRefusedAndNeverReachesOrderPayResult() throws Exception {
        String forged = paid();
        assertRefused(webguest, channel -> publish(channel, NAMES.payExchange(), NAMES.payResultRoutingKey(), forged));
        assertRefused(webguest, channel -> publish(channel, "", NAMES.payResultQueue(), forged));

        assertThat(payResultsUntilOneFromThePayUser()).doesNotContain(forged);
    }

    @Test
    void thePayUsersPaidResultReachesOrderPayResultAndTheOrderUserConsumesIt() throws Exception {
        String result = paid();
        publishConfirmed(pay, NAMES.payExchange(), NAMES.payResultRoutingKey(), result);

        Channel channel = order.createChannel();
        List<String> received = new CopyOnWriteArrayList<>();
        String tag = channel.basicConsume(NAMES.payResultQueue(), true,
                (consumerTag, delivery) -> received.add(delivery.getProperties().getMessageId()), consumerTag -> { });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(result));
        } finally {
            channel.basicCancel(tag);
            channel.close();
        }
    }

    @Test
    void thePayUserPushesToPaynotifyAndWebguestsSubscriptionToItsTokenReceivesIt() throws Exception {
        Channel channel = webguest.createChannel();
        String queue = "stomp-subscription-" + UUID.randomUUID();
        channel.queueDeclare(queue, false, true, true, null);
        channel.queueBind(queue, "paynotify.token", TOKEN);
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        channel.basicConsume(queue, true, (tag, delivery) -> received.add(delivery.getProperties().getMessageId()),
                tag -> { });

        String push = UUID.randomUUID().toString();
        publishConfirmed(pay, "paynotify", TOKEN, push);

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(push);
        channel.close();
    }

    @Test
    void thePayUserCanNeitherConsumeNorReadNorPurgeOrderPayResult() throws Exception {
        assertRefused(pay, channel -> channel.basicConsume(NAMES.payResultQueue(), true, (tag, delivery) -> { },
                tag -> { }));
        assertRefused(pay, channel -> channel.basicGet(NAMES.payResultQueue(), true));
        assertRefused(pay, channel -> channel.queuePurge(NAMES.payResultQueue()));
    }

    @Test
    void thePayUserCanNeitherDeclareNorDeleteTheOrderServicesNamesNorDeclareAnyQueue() throws Exception {
        assertRefused(pay, channel -> channel.queueDeclare(NAMES.payResultQueue(), true, false, false, Map.<String, Object>of(
                "x-dead-letter-exchange", NAMES.deadLetterExchange(),
                "x-dead-letter-routing-key", NAMES.deadLetterRoutingKey())));
        assertRefused(pay, channel -> channel.queueDelete(NAMES.payResultQueue()));
        assertRefused(pay, channel -> channel.exchangeDeclare(NAMES.payExchange(), BuiltinExchangeType.DIRECT, true));
        assertRefused(pay, channel -> channel.exchangeDelete(NAMES.payExchange()));
        assertRefused(pay, channel -> channel.queueDeclare("pay-" + UUID.randomUUID(), false, false, true, null));
        assertRefused(pay, Channel::queueDeclare);
    }

    @Test
    void theOrderUserCannotPushToPaynotifyNorDeadLetterIntoOrderPay() throws Exception {
        assertRefused(order, channel -> publish(channel, "paynotify", "", UUID.randomUUID().toString()));
        // a queue of its own names whose expired messages would land on order.pay.result
        assertRefused(order, channel -> channel.queueDeclare(NAMES.delayQueue(Duration.ofSeconds(1)), true, false,
                false, Map.<String, Object>of("x-message-ttl", 1, "x-dead-letter-exchange", NAMES.payExchange(),
                        "x-dead-letter-routing-key", NAMES.payResultRoutingKey())));
    }

    @Test
    void webguestCannotPushToPaynotifyNorDeadLetterIntoOrderPay() throws Exception {
        assertRefused(webguest, channel -> publish(channel, "paynotify", "", UUID.randomUUID().toString()));
        assertRefused(webguest, channel -> channel.queueDeclare("stomp-subscription-" + UUID.randomUUID(), false,
                false, true, Map.<String, Object>of("x-message-ttl", 1, "x-dead-letter-exchange", NAMES.payExchange(),
                        "x-dead-letter-routing-key", NAMES.payResultRoutingKey())));
    }

    @Test
    void webguestCannotBindToEveryPaymentsPush() throws Exception {
        for (String[] everything : new String[][] {{"paynotify", ""}, {"paynotify.token", "#"}, {"paynotify.token", "*"}}) {
            assertRefused(webguest, channel -> {
                String queue = "stomp-subscription-" + UUID.randomUUID();
                channel.queueDeclare(queue, false, true, true, null);
                channel.queueBind(queue, everything[0], everything[1]);
            });
        }
    }

    @Test
    void webguestCanNeitherReadOrderPayResultNorDeclareQueuesOfOtherNames() throws Exception {
        assertRefused(webguest, channel -> channel.basicConsume(NAMES.payResultQueue(), true,
                (tag, delivery) -> { }, tag -> { }));
        assertRefused(webguest, channel -> channel.basicGet(NAMES.payResultQueue(), true));
        assertRefused(webguest, channel -> channel.queueDeclare("order-" + UUID.randomUUID(), false, false, true, null));
    }

    @Test
    void anAbandonedStompSubscriptionQueueIsDeletedOnceItsExpiryPasses() throws Exception {
        String queue = "stomp-subscription-" + UUID.randomUUID();
        Channel channel = webguest.createChannel();
        // what a durable STOMP subscription leaves behind when its browser goes away
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueBind(queue, "paynotify.token", TOKEN);
        channel.close();

        await("the abandoned queue is deleted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> BROKER.status("/api/queues/%s/" + ScriptedBroker.enc(queue)) == 404);
    }

    @Test
    void subscriptionQueuesAreBoundedByPolicyAndTheVhostByLimits() throws Exception {
        String policy = BROKER.get("/api/policies/%s/webstomp-subscriptions");
        assertThat(JsonPath.<String>read(policy, "$.pattern")).isEqualTo("^stomp-subscription-");
        assertThat(JsonPath.<String>read(policy, "$['apply-to']")).isEqualTo("queues");
        assertThat(JsonPath.<Map<String, Object>>read(policy, "$.definition")).containsOnly(
                Map.entry("expires", 2000), Map.entry("max-length", 1000), Map.entry("max-length-bytes", 262144),
                Map.entry("overflow", "drop-head"));

        String limits = BROKER.get("/api/vhost-limits/%s");
        assertThat(JsonPath.<Map<String, Object>>read(limits, "$[0].value"))
                .containsOnly(Map.entry("max-queues", 300), Map.entry("max-connections", 40));
        String webguestLimits = BROKER.get("/api/user-limits/" + ScriptedBroker.enc(BROKER.webguest.user()));
        assertThat(JsonPath.<Integer>read(webguestLimits, "$[0].value['max-connections']")).isEqualTo(1000);
    }

    @Test
    void aSubscriptionQueueWebguestDeclaresGetsThePolicy() throws Exception {
        String queue = "stomp-subscription-" + UUID.randomUUID();
        Channel channel = webguest.createChannel();
        channel.queueDeclare(queue, false, true, true, null);
        channel.basicConsume(queue, true, (tag, delivery) -> { }, tag -> { });

        // the management API reports a new queue's policy with its first statistics
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> assertThat(JsonPath.<String>read(
                BROKER.get("/api/queues/%s/" + ScriptedBroker.enc(queue)), "$.policy"))
                .isEqualTo("webstomp-subscriptions"));
        channel.close();
    }

    @Test
    void noUserOfTheScriptsHasTagsSoNoneReachesTheManagementApi() throws Exception {
        for (ScriptedBroker.Credentials user : List.of(BROKER.pay, BROKER.order, BROKER.user, BROKER.webguest)) {
            assertThat(JsonPath.<List<Object>>read(BROKER.get("/api/users/" + ScriptedBroker.enc(user.user())),
                    "$.tags")).as(user.user()).isEmpty();
        }
    }

    @Test
    void runningTheScriptsAgainTheirOwnWayChangesNothing() throws Exception {
        // rabbitmqctl where the broker is local, as under ./changgou
        List<String> before = brokerState();
        BROKER.applyScripts("", SETTINGS);
        assertThat(brokerState()).isEqualTo(before);
        // and the passwords still work
        BROKER.connect(BROKER.pay).close();
        BROKER.connect(BROKER.order).close();
        BROKER.connect(BROKER.webguest).close();
    }

    @Test
    void thePayUsersRefundResultReachesOrderRefundResultAndTheOrderUserConsumesItButCannotForgeOne() throws Exception {
        String forged = paid();
        assertRefused(order, channel -> publish(channel, NAMES.payExchange(), NAMES.refundResultRoutingKey(), forged));
        assertRefused(webguest, channel -> publish(channel, NAMES.payExchange(), NAMES.refundResultRoutingKey(), forged));
        String result = paid();
        publishConfirmed(pay, NAMES.payExchange(), NAMES.refundResultRoutingKey(), result);

        Channel channel = order.createChannel();
        List<String> received = new CopyOnWriteArrayList<>();
        String tag = channel.basicConsume(NAMES.refundResultQueue(), true,
                (consumerTag, delivery) -> received.add(delivery.getProperties().getMessageId()), consumerTag -> { });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(result));
            assertThat(received).doesNotContain(forged);
        } finally {
            channel.basicCancel(tag);
            channel.close();
        }
        assertRefused(pay, c -> c.basicGet(NAMES.refundResultQueue(), true));
    }

    @Test
    void theOrderUserDeclaresOrderEventsAndTheEventsItPublishesReachAQueueBoundThere() throws Exception {
        // as the order service's RabbitAdmin does on every connect, on top of what the scripts declared
        try (Channel channel = order.createChannel()) {
            channel.exchangeDeclare(NAMES.orderEventsExchange(), BuiltinExchangeType.FANOUT, true);
        }
        String queue = orderEventsQueue();
        String event = "paid-" + UUID.randomUUID();

        publishConfirmed(order, NAMES.orderEventsExchange(), "", event);

        assertThat(messageIdsUntil(queue, event)).contains(event);
    }

    @Test
    void neitherThePayUserNorWebguestCanAnnounceAnOrderEventNorRedeclareOrderEvents() throws Exception {
        String queue = orderEventsQueue();
        String forged = "paid-forged-" + UUID.randomUUID();
        assertRefused(pay, channel -> publish(channel, NAMES.orderEventsExchange(), "", forged));
        assertRefused(webguest, channel -> publish(channel, NAMES.orderEventsExchange(), "", forged));
        assertRefused(pay, channel -> channel.exchangeDeclare(NAMES.orderEventsExchange(), BuiltinExchangeType.FANOUT,
                true));
        assertRefused(pay, channel -> channel.exchangeDelete(NAMES.orderEventsExchange()));

        String marker = "marker-" + UUID.randomUUID();
        publishConfirmed(order, NAMES.orderEventsExchange(), "", marker);
        assertThat(messageIdsUntil(queue, marker)).doesNotContain(forged);
    }

    /** A queue of the administrator's bound to order.events, standing in for a subscribing service's. */
    private static String orderEventsQueue() throws Exception {
        try (Channel channel = admin.createChannel()) {
            String queue = channel.queueDeclare("order-events-test-" + UUID.randomUUID(), false, false, true, null)
                    .getQueue();
            channel.queueBind(queue, NAMES.orderEventsExchange(), "");
            return queue;
        }
    }

    /** The message ids on {@code queue}, read as the administrator up to and including {@code last}. */
    private static List<String> messageIdsUntil(String queue, String last) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Channel channel = admin.createChannel()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                GetResponse response = channel.basicGet(queue, true);
                if (response != null) {
                    ids.add(response.getProps().getMessageId());
                }
                return ids.contains(last);
            });
        }
        return ids;
    }

    private static String typeOf(String queue) throws Exception {
        return JsonPath.read(BROKER.get("/api/queues/%s/" + ScriptedBroker.enc(queue)), "$.type");
    }

    private static Map<String, Object> argumentsOf(String queue) throws Exception {
        return JsonPath.read(BROKER.get("/api/queues/%s/" + ScriptedBroker.enc(queue)), "$.arguments");
    }

    private static List<String> brokerState() throws Exception {
        return List.of(BROKER.get("/api/vhosts/%s/permissions"), BROKER.get("/api/policies/%s"),
                BROKER.get("/api/vhost-limits/%s"));
    }

    /** Declares every bean of {@link RabbitNames.Declarations} as the given user, as the order service does on connect. */
    private static void declareTheOrderServicesTopologyAs(ScriptedBroker.Credentials user) {
        CachingConnectionFactory connectionFactory = BROKER.springConnectionFactory(user);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(ConnectionFactory.class, () -> connectionFactory);
            context.register(OrderSettings.class, RabbitNames.Declarations.class);
            context.registerBean(RabbitAdmin.class, () -> new RabbitAdmin(connectionFactory));
            context.refresh();
            context.getBean(RabbitAdmin.class).initialize();
        } finally {
            connectionFactory.destroy();
        }
    }

    @EnableConfigurationProperties(OrderProperties.class)
    static class OrderSettings {
    }

    private static RabbitNames defaultNames() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
                OrderSettings.class, RabbitNames.Declarations.class)) {
            return context.getBean(RabbitNames.class);
        }
    }

    /** A pay result's message id; the body does not matter to the broker's permissions. */
    private static String paid() {
        return "forged-" + UUID.randomUUID();
    }

    /**
     * The message ids on order.pay.result, read as the administrator up to and including a marker the
     * pay user publishes now: a refused publish, had it been routed, would have arrived before it.
     */
    private static List<String> payResultsUntilOneFromThePayUser() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        publishConfirmed(pay, NAMES.payExchange(), NAMES.payResultRoutingKey(), marker);
        List<String> ids = new ArrayList<>();
        try (Channel channel = admin.createChannel()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                GetResponse response = channel.basicGet(NAMES.payResultQueue(), true);
                if (response != null) {
                    ids.add(response.getProps().getMessageId());
                }
                return ids.contains(marker);
            });
        }
        return ids;
    }

    private static void publish(Channel channel, String exchange, String routingKey, String messageId)
            throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(messageId)
                .contentType("application/json").deliveryMode(2).build();
        channel.basicPublish(exchange, routingKey, true, properties,
                "{\"messageId\":\"%s\",\"type\":\"order.paid\"}".formatted(messageId).getBytes(StandardCharsets.UTF_8));
    }

    private static void publishConfirmed(Connection connection, String exchange, String routingKey, String messageId)
            throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            publish(channel, exchange, routingKey, messageId);
            channel.waitForConfirmsOrDie(5_000);
        }
    }

    /** On a fresh channel of {@code connection}: the broker answers {@code action} with 403 ACCESS_REFUSED. */
    private static void assertRefused(Connection connection, ChannelAction action) throws IOException {
        Channel channel = connection.createChannel();
        try {
            action.run(channel);
        } catch (IOException | AlreadyClosedException e) {
            // the broker closed the channel; why is checked below
        }
        await("the broker closes the channel").atMost(Duration.ofSeconds(5)).until(() -> !channel.isOpen());
        AMQP.Channel.Close close = (AMQP.Channel.Close) channel.getCloseReason().getReason();
        assertThat(close.getReplyCode()).as(close.getReplyText()).isEqualTo(AMQP.ACCESS_REFUSED);
        assertThat(close.getReplyText()).startsWith("ACCESS_REFUSED");
    }

    @FunctionalInterface
    interface ChannelAction {
        void run(Channel channel) throws IOException;
    }
}
