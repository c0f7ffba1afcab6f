package com.changgou.sandbox.web;

import com.changgou.common.Money;
import com.changgou.sandbox.trade.NotifyAttempt;
import com.changgou.sandbox.trade.SandboxOrder;
import java.time.Instant;
import java.util.List;

/**
 * An order as the introspection API and the console page show it; amounts in fen, yuan only for display.
 * {@code orderQueries}, {@code closeRequests}: how many orderqueries and closeorders reached it, so a test
 * can see how often the merchant asked.
 */
record SandboxOrderView(
        String outTradeNo,
        String body,
        long totalFee,
        String totalYuan,
        String state,
        String stateDesc,
        String codeUrl,
        String prepayId,
        String notifyUrl,
        String signType,
        Instant createdAt,
        Instant timeExpire,
        Instant payableUntil,
        String transactionId,
        Instant paidAt,
        Instant closedAt,
        String fault,
        int orderQueries,
        int closeRequests,
        List<NotifyAttempt> notifications) {

    static SandboxOrderView of(SandboxOrder order) {
        SandboxOrder.Snapshot now = order.snapshot();
        SandboxOrder.Payment payment = now.payment();
        return new SandboxOrderView(order.outTradeNo(), order.request().body(), order.request().totalFee(),
                Money.yuan(order.request().totalFee()), now.state().name(), now.state().description(),
                order.codeUrl(), order.prepayId(), order.request().notifyUrl(), order.signType().wireName(),
                order.createdAt(), order.request().timeExpire(), order.payableUntil(),
                payment == null ? null : payment.transactionId(), payment == null ? null : payment.paidAt(),
                now.closedAt(), now.fault(), now.orderQueries(), now.closeRequests(), now.attempts());
    }
}
