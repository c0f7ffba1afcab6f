package com.changgou.sandbox.api;

import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxTime;
import com.changgou.sandbox.trade.SandboxOrders;
import com.changgou.sandbox.trade.SandboxOrder;
import com.changgou.sandbox.trade.TradeRefusedException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay V2's XML API: {@code /pay/unifiedorder}, {@code /pay/orderquery}, {@code /pay/closeorder}; served on
 * the plain port and on the TLS one alike. Refunds are in {@link RefundApiController}.
 */
@RestController
class PayApiController {

    private static final List<String> QUERY_REQUIRED =
            List.of(WxFields.APPID, WxFields.MCH_ID, WxFields.NONCE_STR, WxFields.SIGN);
    private static final List<String> CLOSE_REQUIRED =
            List.of(WxFields.APPID, WxFields.MCH_ID, "out_trade_no", WxFields.NONCE_STR, WxFields.SIGN);

    private final SandboxOrders orders;
    private final ApiCalls calls;

    PayApiController(SandboxOrders orders, ApiCalls calls) {
        this.orders = orders;
        this.calls = calls;
    }

    @PostMapping("/pay/unifiedorder")
    ResponseEntity<String> unifiedOrder(InputStream body) {
        return calls.handle("unifiedorder", body, UnifiedOrderReader.REQUIRED, (fields, signType) -> {
            SandboxOrder order = orders.place(UnifiedOrderReader.read(fields, signType));
            Map<String, String> own = new LinkedHashMap<>();
            own.put("trade_type", "NATIVE");
            own.put("prepay_id", order.prepayId());
            own.put("code_url", order.codeUrl());
            return own;
        });
    }

    @PostMapping("/pay/orderquery")
    ResponseEntity<String> orderQuery(InputStream body) {
        return calls.handle("orderquery", body, QUERY_REQUIRED, (fields, signType) -> {
            String transactionId = fields.get("transaction_id");
            String outTradeNo = fields.get("out_trade_no");
            if (MerchantGate.isBlank(transactionId) && MerchantGate.isBlank(outTradeNo)) {
                throw new TradeRefusedException("LACK_PARAMS", "缺少参数: transaction_id或out_trade_no");
            }
            // WeChat prefers transaction_id when both are given.
            Optional<SandboxOrder> order = MerchantGate.isBlank(transactionId)
                    ? orders.byOutTradeNo(outTradeNo) : orders.byTransactionId(transactionId);
            return queryFields(order.orElseThrow(
                    () -> new TradeRefusedException("ORDERNOTEXIST", "此交易订单号不存在")));
        });
    }

    @PostMapping("/pay/closeorder")
    ResponseEntity<String> closeOrder(InputStream body) {
        return calls.handle("closeorder", body, CLOSE_REQUIRED, (fields, signType) -> {
            orders.close(fields.get("out_trade_no"));
            return Map.of("result_msg", "OK");
        });
    }

    private static Map<String, String> queryFields(SandboxOrder order) {
        SandboxOrder.Snapshot now = order.queried();
        Map<String, String> own = new LinkedHashMap<>();
        own.put("out_trade_no", order.outTradeNo());
        own.put("attach", order.request().attach());
        own.put("trade_state", now.state().name());
        own.put("trade_state_desc", now.state().description());
        own.put("total_fee", Long.toString(order.request().totalFee()));
        own.put("fee_type", "CNY");
        if (now.payment() != null) {
            SandboxOrder.Payment payment = now.payment();
            own.put("transaction_id", payment.transactionId());
            own.put("cash_fee", Long.toString(payment.cashFee()));
            own.put("time_end", WxTime.format(payment.paidAt()));
            own.put("openid", payment.openId());
            own.put("is_subscribe", "N");
            own.put("bank_type", payment.bankType());
            own.put("trade_type", "NATIVE");
        }
        return own;
    }
}
