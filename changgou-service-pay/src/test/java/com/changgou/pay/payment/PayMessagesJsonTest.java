package com.changgou.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.pay.api.PayState;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.message.RefundResultMessage;
import com.changgou.pay.api.message.PayNotifyMessage;
import com.changgou.pay.api.message.PayResultMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/** The bodies pay writes to the outbox, byte for byte, with the JSON mapper the service runs with. */
class PayMessagesJsonTest {

    private final ApplicationContextRunner boot = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class));

    @Test
    void aPayResultCarriesIdsFenAndInstants() {
        PayResultMessage result = new PayResultMessage("pr-1001-1", PayResultMessage.TYPE,
                Instant.parse("2026-12-01T04:00:07Z"), "1001", "1001-1", "4200000001", 2990,
                Instant.parse("2026-12-01T04:00:00Z"));
        String json = """
                {"messageId":"pr-1001-1","type":"order.paid","occurredAt":"2026-12-01T04:00:07Z","orderId":"1001",\
                "outTradeNo":"1001-1","transactionId":"4200000001","totalFee":2990,"paidAt":"2026-12-01T04:00:00Z"}""";

        boot.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.writeValueAsString(result)).isEqualTo(json);
            assertThat(mapper.readValue(json, PayResultMessage.class)).isEqualTo(result);
        });
    }

    @Test
    void aPayNotifyCarriesOnlyTheTokenAndTheState() {
        PayNotifyMessage notify = new PayNotifyMessage("pn-7", PayNotifyMessage.TYPE,
                Instant.parse("2026-12-01T04:00:07Z"), "tok-abc", PayState.SUCCESS);
        String json = """
                {"messageId":"pn-7","type":"pay.notify","occurredAt":"2026-12-01T04:00:07Z","token":"tok-abc",\
                "state":"SUCCESS"}""";

        boot.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.writeValueAsString(notify)).isEqualTo(json);
            assertThat(mapper.readValue(json, PayNotifyMessage.class)).isEqualTo(notify);
        });
    }

    @Test
    void aRefundResultCarriesIdsFenStateReasonAndInstants() {
        RefundResultMessage success = new RefundResultMessage("rr-RF1001-SUCCESS", RefundResultMessage.TYPE,
                Instant.parse("2026-12-01T05:00:07Z"), "1001", "RF1001", "1001-1", "4200000001", 300,
                RefundState.SUCCESS, null, Instant.parse("2026-12-01T05:00:00Z"));
        String json = """
                {"messageId":"rr-RF1001-SUCCESS","type":"order.refund","occurredAt":"2026-12-01T05:00:07Z",\
                "orderId":"1001","outRefundNo":"RF1001","outTradeNo":"1001-1","transactionId":"4200000001",\
                "refundFee":300,"state":"SUCCESS","reason":null,"refundedAt":"2026-12-01T05:00:00Z"}""";
        RefundResultMessage refused = new RefundResultMessage("rr-RF1002-REFUSED", RefundResultMessage.TYPE,
                Instant.parse("2026-12-01T05:00:07Z"), "1001", "RF1002", "1001-1", "4200000001", 900,
                RefundState.REFUSED, "exceeds what is left: 700 fen", null);
        String refusedJson = """
                {"messageId":"rr-RF1002-REFUSED","type":"order.refund","occurredAt":"2026-12-01T05:00:07Z",\
                "orderId":"1001","outRefundNo":"RF1002","outTradeNo":"1001-1","transactionId":"4200000001",\
                "refundFee":900,"state":"REFUSED","reason":"exceeds what is left: 700 fen","refundedAt":null}""";

        boot.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.writeValueAsString(success)).isEqualTo(json);
            assertThat(mapper.readValue(json, RefundResultMessage.class)).isEqualTo(success);
            assertThat(mapper.writeValueAsString(refused)).isEqualTo(refusedJson);
            assertThat(mapper.readValue(refusedJson, RefundResultMessage.class)).isEqualTo(refused);
        });
    }
}
