package com.changgou.sandbox.alipay.gateway;

import com.changgou.sandbox.alipay.trade.AlipayRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alipay's openapi gateway, {@code /alipay/gateway.do}, for the server-to-server methods (query, close, refund,
 * fastpay.refund.query); wap.pay on the same path is the cashier's (a page, not JSON). Every answer is HTTP 200
 * with a signed JSON body, as Alipay's; only "Alipay is off" is a 503.
 */
@RestController
class GatewayController {

    static final String PATH = "/alipay/gateway.do";
    private static final MediaType JSON_UTF8 = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final GatewayGate gate;
    private final GatewayAnswers answers;
    private final TradeMethods methods;

    GatewayController(GatewayGate gate, GatewayAnswers answers, TradeMethods methods) {
        this.gate = gate;
        this.answers = answers;
        this.methods = methods;
    }

    @RequestMapping(path = PATH, method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> call(HttpServletRequest request) {
        GatewayCall call;
        try {
            call = gate.admit(request.getParameterMap());
        } catch (GatewayException e) {
            HttpStatus status = "20000".equals(e.error().code()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
            return ResponseEntity.status(status).contentType(JSON_UTF8)
                    .body(answers.error(e.node(), e.error(), Map.of()));
        }
        try {
            return ResponseEntity.ok().contentType(JSON_UTF8).body(answers.success(call.method(), methods.answer(call)));
        } catch (AlipayRefusedException e) {
            return ResponseEntity.ok().contentType(JSON_UTF8).body(answers.error(call.method().responseNode(),
                    GatewayError.business(e.subCode(), e.subMsg()), echoed(call)));
        }
    }

    /** Alipay echoes the merchant's numbers in a refusal, so the merchant can tell which call it answers. */
    private static Map<String, String> echoed(GatewayCall call) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (call.biz("out_trade_no") != null) {
            fields.put("out_trade_no", call.biz("out_trade_no"));
        }
        if (call.method() == GatewayMethod.REFUND) {
            fields.put("refund_fee", "0.00");
            fields.put("send_back_fee", "0.00");
        }
        return fields;
    }
}
