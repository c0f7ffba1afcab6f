package com.changgou.user.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.order.api.BusinessType;
import com.changgou.order.api.event.OrderEvent;
import com.changgou.security.TestTokens;
import com.changgou.user.FixtureJdbc;
import com.changgou.user.TestDatabase;
import com.changgou.user.TestVhost;
import com.changgou.user.points.Points;
import com.changgou.user.points.PointsKind;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageListenerContainer;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The user service against the machine's real RabbitMQ (its own vhost, with {@code order.events}
 * declared as the admin script does) and MariaDB (its own schema): order events published to the
 * fanout as the order service publishes them move each shopper's points once.
 */
@Import(FixtureJdbc.class)
@SpringBootTest(properties = {
        "eureka.client.enabled=false",
        // one consumer keeps the order of deliveries, so a later event proves the earlier ones were handled
        "spring.rabbitmq.listener.simple.concurrency=1",
        "spring.rabbitmq.listener.simple.max-concurrency=1",
        // the production back-off, shortened: a refund ahead of its payment reaches the DLQ in about a second
        "spring.rabbitmq.listener.simple.retry.initial-interval=100ms",
        "spring.rabbitmq.listener.simple.retry.max-interval=200ms",
        "user.rabbit.delivery-limit=" + OrderEventsTest.DELIVERY_LIMIT})
@DirtiesContext
class OrderEventsTest {

    static final TestDatabase DB = new TestDatabase();
    static final TestVhost VHOST = new TestVhost();
    static final Duration WAIT = Duration.ofSeconds(20);
    /** This vhost's queue gives an event back this many times at most, so a test can spend them all. */
    static final int DELIVERY_LIMIT = 2;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        VHOST.create();
        VHOST.register(registry);
        DB.register(registry);
        TestTokens.register(registry, TestTokens.GATEWAY);
    }

    @AfterAll
    static void cleanUp(ApplicationContext context) throws Exception {
        // the context itself is closed later by @DirtiesContext; its consumers must let go of the vhost first
        context.getBean(RabbitListenerEndpointRegistry.class).stop();
        context.getBean(CachingConnectionFactory.class).resetConnection();
        VHOST.delete();
        DB.drop();
    }

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitNames names;

    @Autowired
    RabbitListenerEndpointRegistry listeners;

    @Autowired
    Points points;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CachingConnectionFactory connectionFactory;

    static final List<Message> deadLetters = new CopyOnWriteArrayList<>();

    @Test
    void theSameEventDeliveredTenTimesAddsPointsOnce() {
        String shopper = shopper();
        OrderEvent paid = paid(shopper, BusinessType.GOODS, 5_000);
        double applied = counted("applied");
        double ignored = counted("ignored");

        for (int i = 0; i < 10; i++) {
            publish(paid);
        }
        OrderEvent sentinel = paid(shopper, BusinessType.GOODS, 700);
        publish(sentinel);

        awaitApplied(sentinel);
        assertThat(entriesOf(paid.eventId())).isOne();
        assertThat(balanceOf(shopper)).isEqualTo(50 + 7);
        assertThat(messagesIn(names.orderEventsQueue())).isZero();
        assertThat(counted("applied") - applied).isEqualTo(2);
        assertThat(counted("ignored") - ignored).isEqualTo(9);
    }

    /** Inside the broker every message is treated as possibly hostile: an event id is not a licence. */
    @Test
    void anEventReusingTheIdOfAnotherOrdersEventChangesNothing() {
        String shopper = shopper();
        OrderEvent paid = paid(shopper, BusinessType.GOODS, 5_000);
        publish(paid);
        awaitApplied(paid);
        double ignored = counted("ignored");

        publish(new OrderEvent(paid.eventId(), OrderEvent.PAID, Instant.now(), orderId(), shopper, BusinessType.GOODS,
                90_000, 90_000));
        OrderEvent sentinel = paid(shopper, BusinessType.GOODS, 700);
        publish(sentinel);

        awaitApplied(sentinel);
        assertThat(entriesOf(paid.eventId())).isOne();
        assertThat(balanceOf(shopper)).isEqualTo(50 + 7);
        assertThat(counted("ignored") - ignored).isEqualTo(1);
    }

    @Test
    void aPaidOrderRefundedTakesBackOnceAndAFullRefundTakesBackEverything() {
        String shopper = shopper();
        OrderEvent paid = paid(shopper, BusinessType.GOODS, 5_099);
        OrderEvent partial = refunded(paid, 2_099);
        publish(paid);
        for (int i = 0; i < 3; i++) {
            publish(partial);
        }
        OrderEvent sentinel = paid(shopper, BusinessType.GOODS, 100);
        publish(sentinel);

        awaitApplied(sentinel);
        assertThat(balanceOf(shopper)).isEqualTo(50 - 20 + 1);
        assertThat(points.ofOrder(shopper, paid.orderId()).takenBack()).isEqualTo(20);

        OrderEvent rest = refunded(paid, 3_000);
        publish(rest);
        awaitApplied(rest);
        assertThat(balanceOf(shopper)).isEqualTo(1);
        assertThat(points.ofOrder(shopper, paid.orderId()).takenBack()).isEqualTo(50);
        assertThat(points.account(shopper).entries()).extracting(e -> e.kind())
                .containsExactly(PointsKind.TAKEN_BACK, PointsKind.EARNED, PointsKind.TAKEN_BACK, PointsKind.EARNED);
    }

    @Test
    void aCourseEventAndAnUnknownTypeAreAcknowledgedAndChangeNothing() {
        String shopper = shopper();
        OrderEvent course = paid(shopper, BusinessType.COURSE, 5_000);
        OrderEvent shipped = new OrderEvent(UUID.randomUUID().toString(), "order.shipped", Instant.now(), orderId(),
                shopper, BusinessType.GOODS, 5_000, 5_000);
        publish(course);
        publish(shipped);
        publishJson("""
                {"eventId":"%s","type":"order.paid","occurredAt":"2026-01-02T03:04:05Z","orderId":"%s",
                 "username":"%s","businessType":"MEMBERSHIP","amountFen":5000,"paidFen":5000}"""
                .formatted(UUID.randomUUID(), orderId(), shopper));
        OrderEvent sentinel = paid(shopper(), BusinessType.GOODS, 100);
        publish(sentinel);

        awaitApplied(sentinel);
        assertThat(points.account(shopper).balance()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tb_points_account WHERE username = ?").param(shopper)
                .query(Long.class).single()).isZero();
        assertThat(messagesIn(names.orderEventsQueue())).isZero();
        assertThat(deadLetters()).noneMatch(body -> body.contains(shopper));
    }

    @Test
    void aMalformedBodyEndsInTheDeadLetterQueueAndTheNextGoodEventIsStillApplied() {
        String marker = "not-json-" + UUID.randomUUID();
        double deadLettered = counted("dead_lettered");
        publish(MessageBuilder.withBody(marker.getBytes(StandardCharsets.UTF_8)).setContentType("application/json")
                .build());
        String incomplete = UUID.randomUUID().toString();
        publishJson("""
                {"eventId":"%s","type":"order.paid","businessType":"GOODS","amountFen":5000}""".formatted(incomplete));
        String shopper = shopper();
        OrderEvent good = paid(shopper, BusinessType.GOODS, 300);
        publish(good);

        awaitApplied(good);
        assertThat(balanceOf(shopper)).isEqualTo(3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters())
                .anyMatch(body -> body.contains(marker)).anyMatch(body -> body.contains(incomplete)));
        assertThat(counted("dead_lettered") - deadLettered).isEqualTo(2);
    }

    @Test
    void theWireFormatOfTheOrderServiceEarnsPoints() {
        String shopper = shopper();
        String eventId = UUID.randomUUID().toString();
        // what the order service's relay sends: ISO instant, business type by name; a field added later is skipped
        publishJson("""
                {"eventId":"%s","type":"order.paid","occurredAt":"2026-01-02T03:04:05.123Z","orderId":"1864000000000000777",
                 "username":"%s","businessType":"GOODS","amountFen":12345,"paidFen":12345,"channel":"WECHAT"}"""
                .formatted(eventId, shopper));

        await().atMost(WAIT).until(() -> entriesOf(eventId) == 1);
        assertThat(points.ofOrder(shopper, "1864000000000000777").earned()).isEqualTo(123);
    }

    @Test
    void eventsQueuedWhileTheListenerIsDownAreEachAppliedOnceWhenItStarts() {
        MessageListenerContainer container = listeners.getListenerContainer(OrderEventListener.ID);
        String shopper = shopper();
        List<OrderEvent> events = List.of(paid(shopper, BusinessType.GOODS, 100), paid(shopper, BusinessType.GOODS, 200),
                paid(shopper, BusinessType.GOODS, 300), paid(shopper, BusinessType.GOODS, 400),
                paid(shopper, BusinessType.GOODS, 500));
        container.stop();
        try {
            for (OrderEvent event : events) {
                publish(event);
                publish(event);
            }
            await().atMost(WAIT).until(() -> messagesIn(names.orderEventsQueue()) == 10);
            assertThat(balanceOf(shopper)).isNull();
        } finally {
            container.start();
        }

        events.forEach(this::awaitApplied);
        await().atMost(WAIT).until(() -> messagesIn(names.orderEventsQueue()) == 0);
        assertThat(balanceOf(shopper)).isEqualTo(1 + 2 + 3 + 4 + 5);
        assertThat(points.account(shopper).entries()).hasSize(5);
    }

    @Test
    void aRefundAheadOfItsPaymentIsRetriedThenDeadLetteredAndAppliesOnceMovedBackAfterIt() {
        String shopper = shopper();
        OrderEvent paid = paid(shopper, BusinessType.GOODS, 5_000);
        OrderEvent refund = refunded(paid, 5_000);
        publish(refund);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters()).anyMatch(b -> b.contains(refund.eventId())));
        assertThat(balanceOf(shopper)).isNull();

        publish(paid);
        awaitApplied(paid);
        // what an operator does from the management UI: move the dead letter back to the queue
        publish(refund);
        awaitApplied(refund);
        publish(refund);
        OrderEvent sentinel = paid(shopper, BusinessType.GOODS, 100);
        publish(sentinel);
        awaitApplied(sentinel);
        assertThat(balanceOf(shopper)).isEqualTo(1);
        assertThat(entriesOf(refund.eventId())).isOne();
    }

    @Test
    void anEventWhoseConsumerDiesHoldingItGoesToTheDeadLetterQueueOnceTheDeliveryLimitIsSpent() throws Exception {
        String shopper = shopper();
        OrderEvent paid = paid(shopper, BusinessType.GOODS, 900);
        MessageListenerContainer container = listeners.getListenerContainer(OrderEventListener.ID);
        container.stop();
        try {
            publish(paid);

            // the broker counts each time the event comes back; past the limit it dead-letters it
            for (int delivery = 0; delivery <= DELIVERY_LIMIT; delivery++) {
                takeWithoutAckAndDie(names.orderEventsQueue());
            }

            await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetter(paid.eventId())).isNotNull());
        } finally {
            container.start();
        }
        List<Map<String, ?>> deaths = deadLetter(paid.eventId()).getMessageProperties().getXDeathHeader();
        assertThat(deaths).singleElement().satisfies(death -> {
            assertThat(String.valueOf(death.get("reason"))).isEqualTo("delivery_limit");
            assertThat(String.valueOf(death.get("queue"))).isEqualTo(names.orderEventsQueue());
        });
        assertThat(balanceOf(shopper)).isNull();
    }

    /**
     * What a consumer that crashes leaves behind: it took the head of {@code queue} on a channel of its own
     * and went away without an ack (the channel closes), so the broker puts it back, counted.
     */
    private void takeWithoutAckAndDie(String queue) throws Exception {
        Channel channel = connectionFactory.createConnection().getDelegate().createChannel();
        try {
            await().atMost(WAIT).until(() -> channel.basicGet(queue, false) != null);
        } finally {
            channel.close();
        }
    }

    /** changgou.user.order.events of one outcome, as Prometheus reads changgou_user_order_events_total. */
    private double counted(String outcome) {
        Counter counter = meters.find(OrderEventMeters.NAME).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String shopper() {
        return "shopper-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String orderId() {
        return String.valueOf(1_864_000_000_000_000_000L + (long) (Math.random() * 999_999_999_999_999L));
    }

    private static OrderEvent paid(String shopper, BusinessType type, long fen) {
        return new OrderEvent(UUID.randomUUID().toString(), OrderEvent.PAID, Instant.now(), orderId(), shopper, type, fen,
                fen);
    }

    private static OrderEvent refunded(OrderEvent paid, long fen) {
        return new OrderEvent(UUID.randomUUID().toString(), OrderEvent.REFUNDED, Instant.now(), paid.orderId(),
                paid.username(), paid.businessType(), fen, paid.amountFen());
    }

    /** As the order service's relay does: to the fanout, persistent, the event id as the message id. */
    private void publish(OrderEvent event) {
        rabbit.convertAndSend(names.orderEventsExchange(), "", event, m -> {
            m.getMessageProperties().setMessageId(event.eventId());
            return m;
        });
    }

    private void publishJson(String json) {
        publish(MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8)).setContentType("application/json").build());
    }

    private void publish(Message message) {
        rabbit.send(names.orderEventsExchange(), "", message);
    }

    private void awaitApplied(OrderEvent event) {
        await().atMost(WAIT).until(() -> entriesOf(event.eventId()) == 1);
    }

    private long entriesOf(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM tb_points_entry WHERE event_id = ?").param(eventId).query(Long.class)
                .single();
    }

    private Long balanceOf(String shopper) {
        return jdbc.sql("SELECT balance FROM tb_points_account WHERE username = ?").param(shopper).query(Long.class)
                .optional().orElse(null);
    }

    private int messagesIn(String queue) {
        return rabbit.execute(channel -> channel.queueDeclarePassive(queue).getMessageCount());
    }

    /** The bodies of everything on the DLQ so far, kept across reads. */
    private List<String> deadLetters() {
        for (Message m = rabbit.receive(names.deadLetterQueue(), 200); m != null;
                m = rabbit.receive(names.deadLetterQueue(), 200)) {
            deadLetters.add(m);
        }
        return deadLetters.stream().map(m -> new String(m.getBody(), StandardCharsets.UTF_8)).toList();
    }

    /** The dead letter of this message id, or null while there is none. */
    private Message deadLetter(String messageId) {
        deadLetters();
        return deadLetters.stream().filter(m -> messageId.equals(m.getMessageProperties().getMessageId()))
                .findFirst().orElse(null);
    }
}
