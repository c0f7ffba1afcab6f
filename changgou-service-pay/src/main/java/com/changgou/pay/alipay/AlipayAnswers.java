package com.changgou.pay.alipay;

import java.security.PublicKey;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an answer of Alipay's gateway, {@code {"<method_with_underscores>_response":{…},"sign":"…"}}, and
 * believes none of its fields before the signature over the exact text of the response object (as it
 * stands in the raw body, found by the parser's character offsets) verifies under Alipay's public key.
 * Repeated names anywhere, trailing content or a missing part make the answer unbelievable.
 */
final class AlipayAnswers {

    static final String SUCCESS = "10000";
    static final String BUSINESS_FAILURE = "40004";
    static final String SERVICE_UNAVAILABLE = "20000";
    static final String SYSTEM_ERROR = "ACQ.SYSTEM_ERROR";
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private AlipayAnswers() {
    }

    /** A verified answer's response object, whatever its code; AlipayUnavailableException when it cannot be believed. */
    static JsonNode verified(String body, String method, PublicKey alipayKey, String about) {
        String responseName = method.replace('.', '_') + "_response";
        String response = null;
        String sign = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unbelievable(method, about, "not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(responseName) && value == JsonToken.START_OBJECT) {
                    int start = Math.toIntExact(parser.currentTokenLocation().getCharOffset());
                    parser.skipChildren();
                    response = body.substring(start, Math.toIntExact(parser.currentLocation().getCharOffset()));
                } else if (name.equals("sign") && value == JsonToken.VALUE_STRING) {
                    sign = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw unbelievable(method, about, "content after the answer");
            }
        } catch (JacksonException e) {
            throw unbelievable(method, about, "malformed JSON (" + e.getOriginalMessage() + ")");
        }
        if (response == null) {
            throw unbelievable(method, about, "no " + responseName);
        }
        JsonNode node = JSON.readTree(response);
        if (!AlipaySignature.verify(response, sign, alipayKey)) {
            throw unbelievable(method, about, (sign == null ? "unsigned" : "wrongly signed") + " answer (code %s %s)"
                    .formatted(text(node, "code"), text(node, "sub_code")));
        }
        return node;
    }

    /** The field as text; null when absent. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The sub_code of a business failure; throws for anything that is neither success nor one. */
    static String businessFailure(JsonNode node, String method, String about) {
        String code = text(node, "code");
        String subCode = text(node, "sub_code");
        if (SUCCESS.equals(code)) {
            return null;
        }
        if (SERVICE_UNAVAILABLE.equals(code) || SYSTEM_ERROR.equals(subCode)) {
            throw new AlipayUnavailableException("Alipay %s for %s: %s %s (%s), ask again later"
                    .formatted(method, about, code, subCode, text(node, "sub_msg")));
        }
        if (BUSINESS_FAILURE.equals(code) && subCode != null) {
            return subCode;
        }
        throw new AlipayRejectedException(code, subCode, text(node, "sub_msg") != null ? text(node, "sub_msg") : text(node, "msg"));
    }

    /** An answer about another trade than the one asked about is not an answer to us. */
    static void requireSameTrade(JsonNode node, String outTradeNo, String method) {
        String said = text(node, "out_trade_no");
        if (said != null && !said.equals(outTradeNo)) {
            throw unbelievable(method, outTradeNo, "answer is about out_trade_no " + said);
        }
    }

    static long fen(JsonNode node, String field, String method, String about) {
        return Yuan.toFen(text(node, field)).orElseThrow(() -> unbelievable(method, about,
                "%s '%s' is not an exact yuan amount".formatted(field, text(node, field))));
    }

    static AlipayUnavailableException unbelievable(String method, String about, String why) {
        return new AlipayUnavailableException("Alipay %s for %s: answer not believed: %s".formatted(method, about, why));
    }
}
