package com.changgou.pay.wechat;

import com.changgou.pay.api.RefundState;
import com.changgou.pay.wechat.RefundApplyAnswer.Trouble;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps verified answers of {@code /secapi/pay/refund} and {@code /pay/refundquery} to typed results. */
final class RefundAnswers {

    static final String APPLY = "/secapi/pay/refund";
    static final String QUERY = "/pay/refundquery";

    /** err_codes after which the same refund may be asked again: WeChat did not decide against it. */
    private static final Set<String> BUSY = Set.of("SYSTEMERROR", "BIZERR_NEED_RETRY", "FREQUENCY_LIMITED",
            "INVALID_REQ_TOO_MUCH");
    private static final Set<RefundState> WECHATS_STATES =
            Set.of(RefundState.PROCESSING, RefundState.SUCCESS, RefundState.CHANGE, RefundState.REFUNDCLOSE);

    private RefundAnswers() {
    }

    /** result_code SUCCESS is an accepted refund (of this out_refund_no and fee); a FAIL says busy or refused. */
    static RefundApplyAnswer applied(Map<String, String> answer, RefundApplication refund) {
        String ref = refund.outTradeNo();
        if ("SUCCESS".equals(answer.get("result_code"))) {
            requireSame(answer, "out_refund_no", refund.outRefundNo(), APPLY, ref);
            requireSame(answer, "refund_fee", Long.toString(refund.refundFee()), APPLY, ref);
            return RefundApplyAnswer.accepted(WechatMessages.required(answer, "refund_id", APPLY, ref));
        }
        String errCode = answer.get("err_code");
        if (!"FAIL".equals(answer.get("result_code")) || errCode == null || errCode.isEmpty()) {
            throw WechatMessages.unavailable(APPLY, ref, "result_code %s without err_code".formatted(answer.get("result_code")));
        }
        String description = answer.get("err_code_des");
        if ("NOTENOUGH".equals(errCode)) {
            return RefundApplyAnswer.retryLater(Trouble.NOT_ENOUGH_BALANCE, errCode, description);
        }
        if (BUSY.contains(errCode)) {
            return RefundApplyAnswer.retryLater(Trouble.WECHAT_BUSY, errCode, description);
        }
        return RefundApplyAnswer.refused(errCode, description);
    }

    /**
     * The refund {@code outRefundNo} in a refundquery answer (WeChat numbers each refund's fields
     * {@code _$n}); empty when the answer lists no such refund.
     */
    static Optional<RefundQueryResult> queried(Map<String, String> answer, String outRefundNo, String outTradeNo) {
        int count = number(WechatMessages.required(answer, "refund_count", QUERY, outTradeNo), "refund_count", outTradeNo);
        for (int n = 0; n < Math.min(count, 100); n++) {
            if (outRefundNo.equals(answer.get("out_refund_no_" + n))) {
                return Optional.of(refund(answer, n, outRefundNo, outTradeNo));
            }
        }
        return Optional.empty();
    }

    private static RefundQueryResult refund(Map<String, String> answer, int n, String outRefundNo, String outTradeNo) {
        String status = WechatMessages.required(answer, "refund_status_" + n, QUERY, outTradeNo);
        RefundState state = WECHATS_STATES.stream().filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> WechatMessages.unavailable(QUERY, outTradeNo, "unknown refund_status " + status));
        return new RefundQueryResult(outRefundNo, outTradeNo,
                WechatMessages.required(answer, "transaction_id", QUERY, outTradeNo),
                WechatMessages.required(answer, "refund_id_" + n, QUERY, outTradeNo),
                fen(answer, "total_fee", outTradeNo), fen(answer, "refund_fee_" + n, outTradeNo), state,
                WechatTime.parseRefundTime(answer.get("refund_success_time_" + n)));
    }

    private static void requireSame(Map<String, String> answer, String name, String expected, String api, String ref) {
        String value = answer.get(name);
        if (value != null && !value.isEmpty() && !value.equals(expected)) {
            throw WechatMessages.unavailable(api, ref, "answer has %s %s, we asked for %s".formatted(name, value, expected));
        }
    }

    private static long fen(Map<String, String> answer, String name, String ref) {
        String value = WechatMessages.required(answer, name, QUERY, ref);
        if (!WechatMessages.isFen(value)) {
            throw WechatMessages.unavailable(QUERY, ref, name + " is not a number of fen");
        }
        return Long.parseLong(value);
    }

    private static int number(String value, String name, String ref) {
        if (!value.matches("[0-9]{1,4}")) {
            throw WechatMessages.unavailable(QUERY, ref, name + " is not a count");
        }
        return Integer.parseInt(value);
    }
}
