package com.changgou.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.order.api.BusinessType;
import com.changgou.order.api.event.OrderEvent;
import com.changgou.pay.api.message.PayResultMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies the order service reads and writes, with the JSON mapper its message converter and its outbox
 * use: the wire format of its timeouts and order events is pinned here.
 */
class MessagesJsonTest {

    private final ApplicationContextRunner boot = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class));

    @Test
    void theTimeoutMessageIsPinned() {
        OrderTimeoutMessage timeout = new OrderTimeoutMessage("ot-1001", OrderTimeoutMessage.TYPE,
                Instant.parse("2026-12-01T04:00:00Z"), "1001");
        String json = """
                {"messageId":"ot-1001","type":"order.timeout","occurredAt":"2026-12-01T04:00:00Z","orderId":"1001"}""";

        boot.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.writeValueAsString(timeout)).isEqualTo(json);
            assertThat(mapper.readValue(json, OrderTimeoutMessage.class)).isEqualTo(timeout);
        });
    }

    @Test
    void theOrderEventIsPinned() {
        OrderEvent paid = new OrderEvent("paid-1001", OrderEvent.PAID, Instant.parse("2026-12-01T04:00:07Z"), "1001",
                "alice", BusinessType.GOODS, 2990, 2990);
        String json = """
                {"eventId":"paid-1001","type":"order.paid","occurredAt":"2026-12-01T04:00:07Z","orderId":"1001",\
                "username":"alice","businessType":"GOODS","amountFen":2990,"paidFen":2990}""";

        boot.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.writeValueAsString(paid)).isEqualTo(json);
            assertThat(mapper.readValue(json, OrderEvent.class)).isEqualTo(paid);
        });
    }

    @Test
    void aRefundedEventCarriesTheRefundsAmountAndWhatThePaidOrderCost() {
        OrderEvent refunded = new OrderEvent("refunded-2002", OrderEvent.REFUNDED,
                Instant.parse("2026-12-02T05:00:00Z"), "1001", "alice", BusinessType.COURSE, 1000, 19900);

        boot.run(context -> assertThat(context.getBean(JsonMapper.class).writeValueAsString(refunded)).isEqualTo("""
                {"eventId":"refunded-2002","type":"order.refunded","occurredAt":"2026-12-02T05:00:00Z",\
                "orderId":"1001","username":"alice","businessType":"COURSE","amountFen":1000,"paidFen":19900}"""));
    }

    @Test
    void aPayResultIsReadWithItsPaidAt() {
        String json = """
                {"messageId":"pr-1001","type":"order.paid","occurredAt":"2026-12-01T04:00:07Z","orderId":"1001",\
                "outTradeNo":"1001","transactionId":"4200000001","totalFee":2990,"paidAt":"2026-12-01T04:00:00Z"}""";

        boot.run(context -> assertThat(context.getBean(JsonMapper.class).readValue(json, PayResultMessage.class))
                .isEqualTo(new PayResultMessage("pr-1001", "order.paid", Instant.parse("2026-12-01T04:00:07Z"),
                        "1001", "1001", "4200000001", 2990, Instant.parse("2026-12-01T04:00:00Z"))));
    }

    @Test
    void aPayResultOfThePreviousReleaseIsReadWithoutItsWechatTime() {
        String json = """
                {"messageId":"pr-1001","type":"order.paid","occurredAt":"2026-12-01T04:00:07Z","orderId":"1001",\
                "outTradeNo":"1001","transactionId":"4200000001","totalFee":2990,"timeEnd":"20261201120000"}""";

        boot.run(context -> assertThat(context.getBean(JsonMapper.class).readValue(json, PayResultMessage.class))
                .isEqualTo(new PayResultMessage("pr-1001", "order.paid", Instant.parse("2026-12-01T04:00:07Z"),
                        "1001", "1001", "4200000001", 2990, null)));
    }
}
