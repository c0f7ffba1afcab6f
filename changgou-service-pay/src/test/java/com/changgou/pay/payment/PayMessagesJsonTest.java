package com.changgou.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.pay.api.PayState;
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
}
