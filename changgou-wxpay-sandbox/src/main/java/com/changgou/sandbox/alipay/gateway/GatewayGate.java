package com.changgou.sandbox.alipay.gateway;

import com.changgou.sandbox.alipay.AlipayProperties;
import com.changgou.sandbox.alipay.protocol.AlipayKeys;
import com.changgou.sandbox.alipay.protocol.AlipayTime;
import com.changgou.sandbox.alipay.protocol.SignContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a gateway request the way Alipay's gateway does, in its order: the public parameters are present
 * (40001), valid (40002), the app is ours and the RSA2 signature over every parameter but {@code sign} holds
 * (40002 isv.invalid-signature, whose sub_msg shows the string the gateway verified, as Alipay's does), and
 * biz_content is a JSON object. Query string and form body count alike, as the Alipay SDK splits them so.
 */
@Component
public class GatewayGate {

    private static final int MAX_PARAMETER_LENGTH = 64 * 1024;
    /** A public parameter Alipay requires, and its 40001 sub_code when missing, in the gateway's order. */
    private record Required(String name, String subCode, String subMsg) {
    }

    private static final List<Required> REQUIRED = List.of(
            new Required("method", "isv.missing-method", "缺少方法名参数"),
            new Required("app_id", "isv.missing-app-id", "缺少AppID参数"),
            new Required("sign", "isv.missing-signature", "缺少签名参数"),
            new Required("sign_type", "isv.missing-signature-type", "缺少签名类型参数"),
            new Required("timestamp", "isv.missing-timestamp", "缺少时间戳参数"),
            new Required("version", "isv.missing-version", "缺少版本参数"));

    private final AlipayKeys keys;
    private final AlipayProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    GatewayGate(AlipayKeys keys, AlipayProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    public GatewayCall admit(Map<String, String[]> raw) {
        Map<String, String> parameters = single(raw);
        String methodName = parameters.get("method");
        GatewayMethod method = GatewayMethod.of(methodName).orElse(null);
        String node = method == null ? GatewayMethod.ERROR_NODE : method.responseNode();
        if (!keys.on()) {
            throw new GatewayException(GatewayError.off(AlipayKeys.OFF), node);
        }
        for (Required required : REQUIRED) {
            String value = parameters.get(required.name());
            if (value == null || value.isEmpty()) {
                throw new GatewayException(GatewayError.missing(required.subCode(), required.subMsg()), node);
            }
        }
        if (method == null) {
            throw new GatewayException(GatewayError.invalid("isv.invalid-method", "不存在的方法名：" + methodName), node);
        }
        checkPublicValues(parameters, node);
        if (!keys.verifyRequest(parameters)) {
            throw new GatewayException(GatewayError.invalid("isv.invalid-signature",
                    "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为："
                            + SignContent.REQUEST.of(parameters)), node);
        }
        return new GatewayCall(method, parameters, bizContent(parameters.get("biz_content"), node));
    }

    private void checkPublicValues(Map<String, String> parameters, String node) {
        if (!properties.appId().equals(parameters.get("app_id"))) {
            throw new GatewayException(GatewayError.invalid("isv.invalid-app-id", "无效的AppID参数"), node);
        }
        String format = parameters.get("format");
        if (format != null && !format.isEmpty() && !"JSON".equalsIgnoreCase(format)) {
            throw new GatewayException(GatewayError.invalid("isv.invalid-format", "无效的数据格式参数：" + format), node);
        }
        String charset = parameters.get("charset");
        if (charset != null && !charset.isEmpty() && !"utf-8".equalsIgnoreCase(charset)) {
            throw new GatewayException(GatewayError.invalid("isv.invalid-charset", "字符集不合法：" + charset), node);
        }
        if (!"RSA2".equals(parameters.get("sign_type"))) {
            // RSA (SHA1) exists at Alipay, but this app is registered for RSA2 only.
            throw new GatewayException(GatewayError.invalid("isv.invalid-signature-type",
                    "无效的签名类型参数：" + parameters.get("sign_type")), node);
        }
        if (AlipayTime.parse(parameters.get("timestamp")).isEmpty()) {
            throw new GatewayException(GatewayError.invalid("isv.invalid-timestamp",
                    "非法的时间戳参数（yyyy-MM-dd HH:mm:ss）：" + parameters.get("timestamp")), node);
        }
        if (!"1.0".equals(parameters.get("version"))) {
            throw new GatewayException(GatewayError.invalid("isv.invalid-parameter",
                    "参数无效：version 须为 1.0"), node);
        }
    }

    private JsonNode bizContent(String text, String node) {
        if (text == null || text.isEmpty()) {
            return json.createObjectNode();
        }
        try {
            JsonNode biz = json.readTree(text);
            if (biz != null && biz.isObject()) {
                return biz;
            }
        } catch (JacksonException e) {
            // answered below like any other biz_content that is not a JSON object
        }
        throw new GatewayException(GatewayError.invalid("isv.invalid-parameter",
                "参数无效：biz_content 不是 JSON 对象"), node);
    }

    /** One value per name: a repeated parameter would make the signed string ambiguous. */
    private static Map<String, String> single(Map<String, String[]> raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (values.length != 1) {
                throw new GatewayException(GatewayError.invalid("isv.invalid-parameter",
                        "参数无效：%s 出现了 %d 次".formatted(name, values.length)), GatewayMethod.ERROR_NODE);
            }
            if (values[0].length() > MAX_PARAMETER_LENGTH) {
                throw new GatewayException(GatewayError.invalid("isv.invalid-parameter",
                        "参数无效：%s 过长".formatted(name)), GatewayMethod.ERROR_NODE);
            }
            parameters.put(name, values[0]);
        });
        return parameters;
    }
}
