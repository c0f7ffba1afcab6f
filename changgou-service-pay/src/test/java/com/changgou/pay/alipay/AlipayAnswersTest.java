package com.changgou.pay.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An answer is believed only through the signature over the exact text of its response object. */
class AlipayAnswersTest {

    static final PublicKey ALIPAY = AlipayTestKeys.publicKey("alipay-public.pem");
    // Spacing and escapes as Alipay may write them: the signature is over these very characters.
    static final String RESPONSE = "{\"code\":\"10000\", \"msg\":\"Success\",\"out_trade_no\":\"42-A\","
            + "\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"25.99\",\"note\":\"a\\/b \\u4e2d {}\"}";

    static String answer(String response, String sign) {
        return "{\"alipay_trade_query_response\":" + response + ",\n \"sign\":\"" + sign + "\"}";
    }

    static String signed(String response) {
        return AlipayTestKeys.sign(response, AlipayTestKeys.privateKey("alipay-private.pem"));
    }

    @Test
    void aGenuineAnswerIsRead() {
        JsonNode node = AlipayAnswers.verified(answer(RESPONSE, signed(RESPONSE)), "alipay.trade.query", ALIPAY, "42-A");

        assertThat(AlipayAnswers.text(node, "trade_status")).isEqualTo("TRADE_SUCCESS");
        assertThat(AlipayAnswers.fen(node, "total_amount", "q", "42-A")).isEqualTo(2599);
    }

    @Test
    void aTamperedOrUnsignedOrRepeatedAnswerIsNotBelieved() {
        String sign = signed(RESPONSE);
        String tampered = answer(RESPONSE.replace("25.99", "0.01"), sign);
        String unsigned = "{\"alipay_trade_query_response\":" + RESPONSE + "}";
        String repeated = "{\"alipay_trade_query_response\":" + RESPONSE + ",\"alipay_trade_query_response\":"
                + RESPONSE + ",\"sign\":\"" + sign + "\"}";
        String innerRepeat = "{\"code\":\"10000\",\"total_amount\":\"25.99\",\"total_amount\":\"0.01\"}";
        String wrongKey = answer(RESPONSE, AlipayTestKeys.sign(RESPONSE, AlipayTestKeys.privateKey("app-private.pem")));

        for (String body : new String[] {tampered, unsigned, repeated, answer(innerRepeat, signed(innerRepeat)), wrongKey,
                answer(RESPONSE, sign) + "x", "not json"}) {
            assertThatThrownBy(() -> AlipayAnswers.verified(body, "alipay.trade.query", ALIPAY, "42-A"))
                    .isInstanceOf(AlipayUnavailableException.class);
        }
    }

    @Test
    void businessFailuresSystemErrorsAndOthersAreToldApart() {
        JsonNode notExist = AlipayAnswers.JSON.readTree("{\"code\":\"40004\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\"}");
        JsonNode busy = AlipayAnswers.JSON.readTree("{\"code\":\"40004\",\"sub_code\":\"ACQ.SYSTEM_ERROR\"}");
        JsonNode invalid = AlipayAnswers.JSON.readTree("{\"code\":\"40002\",\"sub_code\":\"isv.invalid-app-id\"}");

        assertThat(AlipayAnswers.businessFailure(notExist, "m", "42")).isEqualTo("ACQ.TRADE_NOT_EXIST");
        assertThatThrownBy(() -> AlipayAnswers.businessFailure(busy, "m", "42")).isInstanceOf(AlipayUnavailableException.class);
        assertThatThrownBy(() -> AlipayAnswers.businessFailure(invalid, "m", "42")).isInstanceOf(AlipayRejectedException.class);
    }
}
