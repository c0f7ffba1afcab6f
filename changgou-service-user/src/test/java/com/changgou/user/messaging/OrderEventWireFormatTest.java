package com.changgou.user.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.order.api.BusinessType;
import com.changgou.order.api.event.OrderEvent;
import com.changgou.user.points.EarningNotSeenException;
import com.changgou.user.points.PointsEventRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.dao.TransientDataAccessResourceException;
import tools.jackson.databind.json.JsonMapper;

/** The order events' JSON as the order service writes it, read by the one converter; and what counts as poison. */
class OrderEventWireFormatTest {

    final MessageConverter converter = new MessagingConfiguration().messageConverter(JsonMapper.builder().build());

    @Test
    void anEventReadsWithItsInstantAndBusinessTypeByName() {
        OrderEvent event = read("""
                {"eventId":"e-1","type":"order.refunded","occurredAt":"2026-01-02T03:04:05.123Z",
                 "orderId":"1864000000000000001","username":"alice","businessType":"GOODS","amountFen":2000,
                 "paidFen":5000}""");

        assertThat(event).isEqualTo(new OrderEvent("e-1", OrderEvent.REFUNDED, Instant.parse("2026-01-02T03:04:05.123Z"),
                "1864000000000000001", "alice", BusinessType.GOODS, 2_000, 5_000));
    }

    @Test
    void aFieldOrABusinessTypeAddedLaterDoesNotMakeAnEventUnreadable() {
        OrderEvent event = read("""
                {"eventId":"e-2","type":"order.paid","occurredAt":"2026-01-02T03:04:05Z","orderId":"1",
                 "username":"alice","businessType":"MEMBERSHIP","amountFen":2000,"paidFen":2000,"channel":"ALIPAY"}""");

        assertThat(event.businessType()).isNull();
        assertThat(event.amountFen()).isEqualTo(2_000);
    }

    @Test
    void aBodyThatIsNotJsonIsAConversionFailure() {
        assertThatThrownBy(() -> read("not-json")).isInstanceOf(MessageConversionException.class);
    }

    @Test
    void malformedAndRejectedEventsArePoisonWhileTransientFailuresAreRetried() {
        assertThat(MessagingConfiguration.isPoison(failed(new MessageConversionException("not json")))).isTrue();
        assertThat(MessagingConfiguration.isPoison(failed(new PointsEventRejectedException("no username")))).isTrue();
        assertThat(MessagingConfiguration.isPoison(failed(new EarningNotSeenException("e-3", "1")))).isFalse();
        assertThat(MessagingConfiguration.isPoison(failed(new TransientDataAccessResourceException("down")))).isFalse();
    }

    private OrderEvent read(String json) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setInferredArgumentType(OrderEvent.class);
        return (OrderEvent) converter.fromMessage(new Message(json.getBytes(StandardCharsets.UTF_8), properties));
    }

    private static ListenerExecutionFailedException failed(Throwable cause) {
        return new ListenerExecutionFailedException("listener threw", cause);
    }
}
