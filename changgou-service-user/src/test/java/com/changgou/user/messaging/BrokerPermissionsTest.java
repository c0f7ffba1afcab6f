package com.changgou.user.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Against the machine's RabbitMQ, in a vhost of this test's own with the suite's scripts applied for
 * throw-away users: the user service's topology declares as its own broker user, which then consumes
 * what the order user publishes to {@code order.events} but can neither publish an order event nor
 * touch the order service's exchange.
 */
class BrokerPermissionsTest {

    static final ScriptedBroker BROKER = new ScriptedBroker();
    static final RabbitNames NAMES = defaultNames();

    static Connection admin;
    static Connection order;
    static Connection user;

    @BeforeAll
    static void vhostWithTheScriptsAppliedAndTheTopologyDeclaredAsTheUserServicesUser() throws Exception {
        BROKER.create();
        BROKER.applyScripts();
        declareTheUserServicesTopologyAs(BROKER.user);
        admin = BROKER.connect(ScriptedBroker.ADMIN);
        order = BROKER.connect(BROKER.order);
        user = BROKER.connect(BROKER.user);
    }

    @AfterAll
    static void removeTheVhostAndItsUsers() throws Exception {
        BROKER.delete();
    }

    @Test
    void theQueueIsAQuorumQueueThatDeadLettersAtLeastOnceToItsOwnDlqAndIsBoundToOrderEvents() throws Exception {
        String queue = BROKER.get("/api/queues/%s/" + ScriptedBroker.enc(NAMES.orderEventsQueue()));
        assertThat(JsonPath.<Boolean>read(queue, "$.durable")).isTrue();
        assertThat(JsonPath.<String>read(queue, "$.type")).isEqualTo("quorum");
        assertThat(JsonPath.<Map<String, Object>>read(queue, "$.arguments")).containsOnly(
                Map.entry("x-queue-type", "quorum"),
                Map.entry("x-delivery-limit", 10),
                Map.entry("x-dead-letter-exchange", "user.order-events.dlx"),
                Map.entry("x-dead-letter-routing-key", "user.order-events.dlq"),
                Map.entry("x-dead-letter-strategy", "at-least-once"),
                Map.entry("x-overflow", "reject-publish"));
        String bindings = BROKER.get("/api/bindings/%s/e/order.events/q/" + ScriptedBroker.enc(NAMES.orderEventsQueue()));
        assertThat(JsonPath.<List<Object>>read(bindings, "$")).hasSize(1);
        String dlq = BROKER.get("/api/bindings/%s/e/user.order-events.dlx/q/user.order-events.dlq");
        assertThat(JsonPath.<List<String>>read(dlq, "$[*].routing_key")).containsExactly("user.order-events.dlq");
    }

    /** Nothing stands behind the DLQ: a delivery limit there would drop the events a person has yet to read. */
    @Test
    void theDeadLetterQueueIsAQuorumQueueWithoutADeliveryLimit() throws Exception {
        String dlq = BROKER.get("/api/queues/%s/" + ScriptedBroker.enc(NAMES.deadLetterQueue()));
        assertThat(JsonPath.<String>read(dlq, "$.type")).isEqualTo("quorum");
        assertThat(JsonPath.<Map<String, Object>>read(dlq, "$.arguments")).containsOnly(
                Map.entry("x-queue-type", "quorum"));
    }

    /** What rabbitmq-definitions.sh imports before the service starts: any other argument and it could not start. */
    @Test
    void theUserServicesQueuesAreDeclaredAsDefinitionsJsonHasThem() throws Exception {
        Path definitions = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("deploy/rabbitmq/definitions.json");
        List<Map<String, Object>> queues = JsonPath.read(Files.readString(definitions),
                "$.queues[?(@.name =~ /user\\..*/)]");
        assertThat(queues).hasSize(2);
        for (Map<String, Object> queue : queues) {
            String live = BROKER.get("/api/queues/%s/" + ScriptedBroker.enc((String) queue.get("name")));
            assertThat(JsonPath.<Map<String, Object>>read(live, "$.arguments")).as((String) queue.get("name"))
                    .isEqualTo(queue.get("arguments"));
        }
    }

    @Test
    void anEventTheOrderUserPublishesReachesTheUserServicesQueueAndItsUserConsumesIt() throws Exception {
        String event = eventId();
        publishConfirmed(order, "order.events", event);

        Channel channel = user.createChannel();
        List<String> received = new CopyOnWriteArrayList<>();
        String tag = channel.basicConsume(NAMES.orderEventsQueue(), true,
                (consumerTag, delivery) -> received.add(delivery.getProperties().getMessageId()), consumerTag -> { });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(event));
        } finally {
            channel.basicCancel(tag);
            channel.close();
        }
    }

    @Test
    void theUserServicesUserCannotPublishAnOrderEventNorPutOneInItsQueueAnotherWay() throws Exception {
        String forged = eventId();
        assertRefused(user, channel -> publish(channel, "order.events", "", forged));
        assertRefused(user, channel -> publish(channel, "", NAMES.orderEventsQueue(), forged));
        assertRefused(user, channel -> publish(channel, "amq.fanout", "", forged));

        assertThat(eventsUntilOneFromTheOrderUser()).doesNotContain(forged);
    }

    @Test
    void theUserServicesUserCanNeitherRedeclareNorDeleteNorUnbindTheOrderServicesExchange() throws Exception {
        assertRefused(user, channel -> channel.exchangeDeclare("order.events", BuiltinExchangeType.FANOUT, true));
        assertRefused(user, channel -> channel.exchangeDelete("order.events"));
        assertRefused(user, channel -> channel.queueDeclare("user-" + UUID.randomUUID(), false, false, true, null));
        // its own names only: a queue of another name bound to order.events would read every event elsewhere
        assertRefused(user, channel -> channel.queueBind("order.pay.result", "order.events", ""));
    }

    @Test
    void theOrderUserCannotReadTheUserServicesQueue() throws Exception {
        assertRefused(order, channel -> channel.basicGet(NAMES.orderEventsQueue(), true));
        assertRefused(order, channel -> channel.queuePurge(NAMES.orderEventsQueue()));
    }

    /** Declares every bean of {@link RabbitNames.Declarations} as the given user, as the user service does on connect. */
    private static void declareTheUserServicesTopologyAs(ScriptedBroker.Credentials credentials) {
        CachingConnectionFactory connectionFactory = BROKER.springConnectionFactory(credentials);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(ConnectionFactory.class, () -> connectionFactory);
            context.register(RabbitNames.Declarations.class);
            context.registerBean(RabbitAdmin.class, () -> new RabbitAdmin(connectionFactory));
            context.refresh();
            context.getBean(RabbitAdmin.class).initialize();
        } finally {
            connectionFactory.destroy();
        }
    }

    private static RabbitNames defaultNames() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
                RabbitNames.Declarations.class)) {
            return context.getBean(RabbitNames.class);
        }
    }

    private static String eventId() {
        return "event-" + UUID.randomUUID();
    }

    /**
     * The message ids on user.order-events, read as the administrator up to and including a marker the
     * order user publishes now: a refused publish, had it been routed, would have arrived before it.
     */
    private static List<String> eventsUntilOneFromTheOrderUser() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        publishConfirmed(order, "order.events", marker);
        List<String> ids = new ArrayList<>();
        try (Channel channel = admin.createChannel()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                GetResponse response = channel.basicGet(NAMES.orderEventsQueue(), true);
                if (response != null) {
                    ids.add(response.getProps().getMessageId());
                }
                return ids.contains(marker);
            });
        }
        return ids;
    }

    private static void publish(Channel channel, String exchange, String routingKey, String eventId) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(eventId)
                .contentType("application/json").deliveryMode(2).build();
        channel.basicPublish(exchange, routingKey, false, properties,
                "{\"eventId\":\"%s\",\"type\":\"order.paid\"}".formatted(eventId).getBytes(StandardCharsets.UTF_8));
    }

    private static void publishConfirmed(Connection connection, String exchange, String eventId) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            publish(channel, exchange, "", eventId);
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
