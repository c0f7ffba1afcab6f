package com.changgou.sandbox.alipay.gateway;

import com.changgou.sandbox.alipay.protocol.AlipayTime;
import com.changgou.sandbox.alipay.protocol.Yuan;
import com.changgou.sandbox.alipay.trade.AlipayRefund;
import com.changgou.sandbox.alipay.trade.AlipayRefusedException;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
import com.changgou.sandbox.alipay.trade.AlipayTrades;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * alipay.trade.query, .close, .refund and .fastpay.refund.query: each answers its own fields after code and msg,
 * or throws {@link AlipayRefusedException} for a 40004. A trade is found by trade_no first, else out_trade_no.
 */
@Component
class TradeMethods {

    private static final int MAX_REASON = 256;

    private final AlipayTrades trades;

    TradeMethods(AlipayTrades trades) {
        this.trades = trades;
    }

    Map<String, String> answer(GatewayCall call) {
        return switch (call.method()) {
            case QUERY -> query(find(call, AlipayTrade.Call.QUERY));
            case CLOSE -> close(find(call, AlipayTrade.Call.CLOSE));
            case REFUND -> refund(call, find(call, AlipayTrade.Call.REFUND));
            case REFUND_QUERY -> refundQuery(call, find(call, AlipayTrade.Call.REFUND_QUERY));
            case WAP_PAY -> throw new IllegalStateException("wap.pay is answered by the cashier");
        };
    }

    private AlipayTrade find(GatewayCall call, AlipayTrade.Call counted) {
        String outTradeNo = call.biz("out_trade_no");
        String tradeNo = call.biz("trade_no");
        if (outTradeNo == null && tradeNo == null) {
            throw new AlipayRefusedException("ACQ.INVALID_PARAMETER", "参数无效：out_trade_no 和 trade_no 不能同时为空");
        }
        AlipayTrade trade = trades.find(outTradeNo, tradeNo)
                .orElseThrow(() -> new AlipayRefusedException("ACQ.TRADE_NOT_EXIST", "交易不存在"));
        trade.countCall(counted);
        return trade;
    }

    private Map<String, String> query(AlipayTrade trade) {
        AlipayTrade.Snapshot now = trade.snapshot();
        AlipayTrade.Payment payment = now.payment();
        String paid = Yuan.of(payment == null ? 0 : trade.order().totalFen());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("trade_no", trade.tradeNo());
        fields.put("out_trade_no", trade.outTradeNo());
        if (payment != null) {
            fields.put("buyer_logon_id", payment.buyerLogonId());
        }
        fields.put("trade_status", now.status().name());
        fields.put("total_amount", Yuan.of(trade.order().totalFen()));
        fields.put("buyer_pay_amount", paid);
        fields.put("point_amount", "0.00");
        fields.put("invoice_amount", paid);
        fields.put("receipt_amount", paid);
        if (payment != null) {
            fields.put("send_pay_date", AlipayTime.format(payment.paidAt()));
            fields.put("buyer_user_id", payment.buyerId());
        }
        return fields;
    }

    private Map<String, String> close(AlipayTrade trade) {
        trades.close(trade);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("trade_no", trade.tradeNo());
        fields.put("out_trade_no", trade.outTradeNo());
        return fields;
    }

    private Map<String, String> refund(GatewayCall call, AlipayTrade trade) {
        String amount = call.requiredBiz("refund_amount");
        long fen = Yuan.toFen(amount).orElseThrow(() -> new AlipayRefusedException("ACQ.INVALID_PARAMETER",
                "参数无效：refund_amount %s 不是最多两位小数的元".formatted(amount)));
        if (fen <= 0) {
            throw new AlipayRefusedException("ACQ.REASON_TRADE_REFUND_FEE_ERR", "退款金额无效");
        }
        String reason = call.biz("refund_reason");
        if (reason != null && reason.length() > MAX_REASON) {
            throw new AlipayRefusedException("ACQ.INVALID_PARAMETER", "参数无效：refund_reason 超过 256 个字符");
        }
        // Without out_request_no Alipay takes the out_trade_no, so a bare repeat is the same (full) refund.
        String outRequestNo = Optional.ofNullable(call.biz("out_request_no")).orElse(trade.outTradeNo());
        AlipayTrade.RefundResult result = trades.refund(trade, outRequestNo, fen, reason);
        AlipayTrade.Payment payment = trade.snapshot().payment();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("trade_no", trade.tradeNo());
        fields.put("out_trade_no", trade.outTradeNo());
        fields.put("buyer_logon_id", payment.buyerLogonId());
        fields.put("fund_change", result.fundChange() ? "Y" : "N");
        fields.put("refund_fee", Yuan.of(result.refundedFen()));
        fields.put("gmt_refund_pay", AlipayTime.format(result.refund().at()));
        fields.put("buyer_user_id", payment.buyerId());
        fields.put("send_back_fee", Yuan.of(result.fundChange() ? result.refund().amountFen() : 0));
        return fields;
    }

    /** No refund under that out_request_no: 10000 with no refund fields, which Alipay means as "not refunded". */
    private Map<String, String> refundQuery(GatewayCall call, AlipayTrade trade) {
        String outRequestNo = call.requiredBiz("out_request_no");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("trade_no", trade.tradeNo());
        fields.put("out_trade_no", trade.outTradeNo());
        Optional<AlipayRefund> found = trade.refund(outRequestNo);
        if (found.isEmpty()) {
            return fields;
        }
        AlipayRefund refund = found.get();
        fields.put("out_request_no", refund.outRequestNo());
        if (refund.reason() != null) {
            fields.put("refund_reason", refund.reason());
        }
        fields.put("total_amount", Yuan.of(trade.order().totalFen()));
        fields.put("refund_amount", Yuan.of(refund.amountFen()));
        fields.put("refund_status", "REFUND_SUCCESS");
        if (call.bizList("query_options").contains("gmt_refund_pay")) {
            fields.put("gmt_refund_pay", AlipayTime.format(refund.at()));
        }
        return fields;
    }
}
