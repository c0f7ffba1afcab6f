package com.changgou.pay.wechat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps a verified orderquery answer to a {@link TradeQueryResult}. */
final class TradeAnswers {

    private static final Logger log = LoggerFactory.getLogger(TradeAnswers.class);
    private static final String API = "/pay/orderquery";

    private TradeAnswers() {
    }

    static TradeQueryResult tradeQueryResult(Map<String, String> answer, String outTradeNo) {
        String stateName = WechatMessages.required(answer, "trade_state", API, outTradeNo);
        TradeState state = Arrays.stream(TradeState.values())
                .filter(candidate -> candidate.name().equals(stateName))
                .findFirst()
                .orElseThrow(() -> WechatMessages.unavailable(API, outTradeNo, "unknown trade_state " + stateName));
        WechatMessages.required(answer, "out_trade_no", API, outTradeNo);
        boolean paid = state == TradeState.SUCCESS || state == TradeState.REFUND;
        // WeChat may leave total_fee out of an unpaid order's answer; a paid one must carry it.
        long totalFee = paid || answer.containsKey("total_fee") ? fen(answer, outTradeNo) : 0L;
        String transactionId = paid ? WechatMessages.required(answer, "transaction_id", API, outTradeNo)
                : emptyToNull(answer.get("transaction_id"));
        return new TradeQueryResult(state, outTradeNo, transactionId, totalFee,
                paidAt(answer, outTradeNo), emptyToNull(answer.get("trade_state_desc")));
    }

    private static Instant paidAt(Map<String, String> answer, String outTradeNo) {
        Instant paidAt = WechatTime.parse(answer.get("time_end"));
        if (paidAt == null && answer.get("time_end") != null && !answer.get("time_end").isEmpty()) {
            log.warn("orderquery for {} has unreadable time_end '{}'", outTradeNo, answer.get("time_end"));
        }
        return paidAt;
    }

    private static long fen(Map<String, String> answer, String outTradeNo) {
        String value = WechatMessages.required(answer, "total_fee", API, outTradeNo);
        if (!WechatMessages.isFen(value)) {
            throw WechatMessages.unavailable(API, outTradeNo, "total_fee is not a number of fen");
        }
        return Long.parseLong(value);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
