package com.changgou.sandbox.api;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxSigner;
import com.changgou.sandbox.trade.TradeRefusedException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** WeChat's checks before any API logic: required fields, then mch_id, then appid, then the signature. */
@Component
class MerchantGate {

    private final SandboxProperties properties;
    private final WxSigner signer;

    MerchantGate(SandboxProperties properties) {
        this.properties = properties;
        this.signer = new WxSigner(properties.key());
    }

    void admit(Map<String, String> fields, SignType signType, List<String> required) {
        List<String> missing = required.stream().filter(name -> isBlank(fields.get(name))).toList();
        if (!missing.isEmpty()) {
            throw new TradeRefusedException("LACK_PARAMS",
                    "缺少参数: " + missing.stream().collect(Collectors.joining(",")));
        }
        if (!properties.mchId().equals(fields.get(WxFields.MCH_ID))) {
            throw new TradeRefusedException("MCHID_NOT_EXIST", "商户号不存在");
        }
        if (!properties.appId().equals(fields.get(WxFields.APPID))) {
            throw new TradeRefusedException("APPID_NOT_EXIST", "APPID不存在，请检查APPID是否正确");
        }
        if (!signer.verify(fields, signType)) {
            throw new TradeRefusedException("SIGNERROR", "签名错误");
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
