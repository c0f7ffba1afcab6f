package com.changgou.sandbox.alipay.gateway;

import com.changgou.sandbox.alipay.protocol.AlipayKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's JSON answers: {@code {"<node>":<object>,"sign":"<RSA2>"}}. The object is written once,
 * compactly, and the signature is over exactly that text (its UTF-8 bytes), so a merchant verifies the substring
 * between {@code "<node>":} and {@code ,"sign":}, as the Alipay SDK does. Only an answer while Alipay is off
 * carries no sign (there is no key to sign with).
 */
@Component
public class GatewayAnswers {

    private final AlipayKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();

    GatewayAnswers(AlipayKeys keys) {
        this.keys = keys;
    }

    /** code 10000 "Success" followed by the API's own fields, in the order given. */
    public String success(GatewayMethod method, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", "10000");
        body.put("msg", "Success");
        body.putAll(fields);
        return write(method.responseNode(), body);
    }

    /** An error answer; {@code fields} are the API's own fields Alipay still returns with it (out_trade_no…). */
    public String error(String node, GatewayError error, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("msg", error.msg());
        body.put("sub_code", error.subCode());
        body.put("sub_msg", error.subMsg());
        body.putAll(fields);
        return write(node, body);
    }

    private String write(String node, Map<String, String> body) {
        String object = json.writeValueAsString(body);
        String head = "{" + json.writeValueAsString(node) + ":" + object;
        if (!keys.on()) {
            return head + "}";
        }
        return head + ",\"sign\":" + json.writeValueAsString(keys.sign(object)) + "}";
    }
}
