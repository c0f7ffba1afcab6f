package com.changgou.sandbox.api;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxXml;
import com.changgou.sandbox.protocol.XmlRejectedException;
import com.changgou.sandbox.trade.TradeRefusedException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The frame of every XML API call: read the body, pick the sign type, pass the merchant gate, run the API's
 * own logic and answer signed, turning a {@link TradeRefusedException} into result_code FAIL.
 */
@Component
class ApiCalls {

    private static final Logger log = LoggerFactory.getLogger(ApiCalls.class);

    private final MerchantGate gate;
    private final XmlReplies replies;

    ApiCalls(MerchantGate gate, XmlReplies replies) {
        this.gate = gate;
        this.replies = replies;
    }

    /** An API's own logic: the fields it adds to a result_code SUCCESS answer. */
    @FunctionalInterface
    interface Logic {
        Map<String, String> answer(Map<String, String> fields, SignType signType);
    }

    ResponseEntity<String> handle(String api, InputStream body, List<String> required, Logic logic) {
        Map<String, String> fields;
        try {
            fields = WxXml.read(body);
        } catch (XmlRejectedException e) {
            log.info("{} refused an unreadable body: {}", api, e.getMessage());
            return replies.unreadable("XML_FORMAT_ERROR: " + e.getMessage());
        }
        Optional<SignType> signType = SignType.fromWire(fields.get(WxFields.SIGN_TYPE));
        if (signType.isEmpty()) {
            return replies.unreadable("sign_type参数错误: MD5 or HMAC-SHA256");
        }
        try {
            gate.admit(fields, signType.get(), required);
            return replies.success(fields, signType.get(), logic.answer(fields, signType.get()));
        } catch (TradeRefusedException e) {
            log.info("{} of {} {} refused: {} {}", api, fields.get("out_trade_no"),
                    fields.getOrDefault("out_refund_no", ""), e.errCode(), e.getMessage());
            return replies.refused(fields, signType.get(), e.errCode(), e.getMessage());
        }
    }
}
