package com.changgou.sandbox.api;

import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.refund.RefundRequest;
import com.changgou.sandbox.trade.TradeRefusedException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns the fields of a /secapi/pay/refund into a {@link RefundRequest}, refusing what WeChat refuses. */
final class RefundRequestReader {

    static final List<String> REQUIRED = List.of(WxFields.APPID, WxFields.MCH_ID, WxFields.NONCE_STR, WxFields.SIGN,
            "out_refund_no", "total_fee", "refund_fee");

    private static final Pattern OUT_REFUND_NO = Pattern.compile("[A-Za-z0-9_\\-|*@]{1,64}");
    /** Positive whole fen: a refund_fee of 0 is no refund at all. */
    private static final Pattern FEE = Pattern.compile("[1-9][0-9]{0,9}");
    private static final int MAX_DESC = 80;

    private RefundRequestReader() {
    }

    static RefundRequest read(Map<String, String> fields, SignType signType) {
        String transactionId = blankToNull(fields.get("transaction_id"));
        String outTradeNo = blankToNull(fields.get("out_trade_no"));
        if (transactionId == null && outTradeNo == null) {
            throw new TradeRefusedException("LACK_PARAMS", "缺少参数: transaction_id或out_trade_no");
        }
        require(OUT_REFUND_NO.matcher(fields.get("out_refund_no")).matches(), "out_refund_no参数格式错误");
        require(FEE.matcher(fields.get("total_fee")).matches(), "total_fee参数格式错误，须为正整数(分)");
        require(FEE.matcher(fields.get("refund_fee")).matches(), "refund_fee参数格式错误，须为正整数(分)");
        String feeType = blankToNull(fields.get("refund_fee_type"));
        require(feeType == null || "CNY".equals(feeType), "refund_fee_type参数错误，只支持CNY");
        String desc = blankToNull(fields.get("refund_desc"));
        require(desc == null || desc.length() <= MAX_DESC, "refund_desc参数长度超过" + MAX_DESC);
        String notifyUrl = blankToNull(fields.get("notify_url"));
        require(notifyUrl == null || UnifiedOrderReader.isHttpUrl(notifyUrl), "notify_url参数格式错误");
        return new RefundRequest(fields.get("out_refund_no"), transactionId, transactionId == null ? outTradeNo : null,
                Long.parseLong(fields.get("total_fee")), Long.parseLong(fields.get("refund_fee")), desc, notifyUrl,
                signType);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void require(boolean condition, String description) {
        if (!condition) {
            throw new TradeRefusedException("INVALID_REQUEST", description);
        }
    }
}
