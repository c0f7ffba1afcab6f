package com.changgou.sandbox.refund;

import com.changgou.sandbox.trade.TradeRefusedException;
import java.util.List;

/** WeChat's amount rules for a new refund of a paid trade, in the order WeChat checks them. */
final class RefundRules {

    private RefundRules() {
    }

    /**
     * @param paidTotal what the trade's total_fee was
     * @param earlier   the trade's refunds so far; a REFUNDCLOSE one gave nothing back, so it does not count
     */
    static void check(long paidTotal, RefundRequest request, List<SandboxRefund> earlier) {
        if (request.totalFee() != paidTotal) {
            throw new TradeRefusedException("INVALID_REQUEST",
                    "total_fee与订单金额不一致: 订单金额%d分".formatted(paidTotal));
        }
        if (earlier.size() >= SandboxRefunds.MAX_REFUNDS_PER_TRADE) {
            throw new TradeRefusedException("INVALID_REQUEST",
                    "每个支付订单的部分退款次数不能超过%d次".formatted(SandboxRefunds.MAX_REFUNDS_PER_TRADE));
        }
        long refunded = earlier.stream().filter(SandboxRefund::holdsMoney).mapToLong(SandboxRefund::refundFee).sum();
        if (refunded + request.refundFee() > paidTotal) {
            throw new TradeRefusedException("INVALID_REQUEST",
                    "refund_fee大于可退金额: 订单金额%d分, 已退%d分, 可退%d分".formatted(
                            paidTotal, refunded, paidTotal - refunded));
        }
    }
}
