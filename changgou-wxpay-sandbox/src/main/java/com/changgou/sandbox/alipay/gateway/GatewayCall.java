package com.changgou.sandbox.alipay.gateway;

import com.changgou.sandbox.alipay.trade.AlipayRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A request that passed the gateway: the method, its public parameters (signature verified) and biz_content.
 * Business fields are read as text whether the merchant sent them as JSON strings or numbers.
 */
public record GatewayCall(GatewayMethod method, Map<String, String> parameters, JsonNode bizContent) {

    public String parameter(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A biz_content field, null when absent, JSON null or empty. */
    public String biz(String name) {
        JsonNode node = bizContent.get(name);
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String text = node.asString();
        return text.isEmpty() ? null : text;
    }

    /** A biz_content array of strings (query_options), empty when absent. */
    public List<String> bizList(String name) {
        JsonNode node = bizContent.get(name);
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asString()));
        return values;
    }

    /** A required biz_content field; missing is Alipay's ACQ.INVALID_PARAMETER. */
    public String requiredBiz(String name) {
        String value = biz(name);
        if (value == null) {
            throw new AlipayRefusedException("ACQ.INVALID_PARAMETER", "参数无效：缺少 %s".formatted(name));
        }
        return value;
    }
}
