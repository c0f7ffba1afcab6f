package com.changgou.sandbox.api;

import com.changgou.sandbox.protocol.WxTime;
import com.changgou.sandbox.refund.SandboxRefund;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The own fields of the refund API's and refundquery's SUCCESS answers. */
final class RefundAnswers {

    private RefundAnswers() {
    }

    static Map<String, String> accepted(SandboxRefund refund) {
        Map<String, String> own = new LinkedHashMap<>();
        own.put("transaction_id", refund.transactionId());
        own.put("out_trade_no", refund.outTradeNo());
        own.put("out_refund_no", refund.outRefundNo());
        own.put("refund_id", refund.refundId());
        own.put("refund_fee", Long.toString(refund.refundFee()));
        own.put("settlement_refund_fee", Long.toString(refund.refundFee()));
        own.put("total_fee", Long.toString(refund.totalFee()));
        own.put("settlement_total_fee", Long.toString(refund.totalFee()));
        own.put("fee_type", "CNY");
        own.put("cash_fee", Long.toString(refund.cashFee()));
        own.put("cash_fee_type", "CNY");
        own.put("cash_refund_fee", Long.toString(refund.cashRefundFee()));
        return own;
    }

    /** refundquery: the trade's amounts once, then each refund as {@code field_$n}, n from 0. */
    static Map<String, String> queried(List<SandboxRefund> refunds) {
        SandboxRefund first = refunds.get(0);
        Map<String, String> own = new LinkedHashMap<>();
        own.put("transaction_id", first.transactionId());
        own.put("out_trade_no", first.outTradeNo());
        own.put("total_fee", Long.toString(first.totalFee()));
        own.put("settlement_total_fee", Long.toString(first.totalFee()));
        own.put("fee_type", "CNY");
        own.put("cash_fee", Long.toString(first.cashFee()));
        own.put("refund_count", Integer.toString(refunds.size()));
        for (int n = 0; n < refunds.size(); n++) {
            SandboxRefund refund = refunds.get(n);
            SandboxRefund.Snapshot now = refund.snapshot();
            own.put("out_refund_no_" + n, refund.outRefundNo());
            own.put("refund_id_" + n, refund.refundId());
            own.put("refund_channel_" + n, "ORIGINAL");
            own.put("refund_fee_" + n, Long.toString(refund.refundFee()));
            own.put("settlement_refund_fee_" + n, Long.toString(refund.refundFee()));
            own.put("refund_status_" + n, now.status().name());
            own.put("refund_account_" + n, SandboxRefund.FUNDS_SOURCE);
            own.put("refund_recv_accout_" + n, SandboxRefund.RECEIVING_ACCOUNT);
            String successTime = now.successTime().map(WxTime::formatDateTime).orElse(null);
            own.put("refund_success_time_" + n, successTime);
        }
        return own;
    }
}
