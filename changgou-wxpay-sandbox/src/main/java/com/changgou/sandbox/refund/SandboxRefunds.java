package com.changgou.sandbox.refund;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.trade.Ids;
import com.changgou.sandbox.trade.SandboxOrder;
import com.changgou.sandbox.trade.SandboxOrders;
import com.changgou.sandbox.trade.TradeRefusedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Every refund this WeChat has accepted, indexed by out_refund_no, refund_id and trade. A refund is accepted
 * PROCESSING and ends after {@code sandbox.refund-delay} (scaled), then its listener is told. In memory only.
 */
@Component
public class SandboxRefunds implements DisposableBean {

    /** WeChat's limit: 每个支付订单的部分退款次数不能超过50次. It also bounds what one trade can hold. */
    static final int MAX_REFUNDS_PER_TRADE = 50;

    private static final Logger log = LoggerFactory.getLogger(SandboxRefunds.class);

    private final Map<String, SandboxRefund> byOutRefundNo = new ConcurrentHashMap<>();
    private final Map<String, SandboxRefund> byRefundId = new ConcurrentHashMap<>();
    private final Map<String, List<SandboxRefund>> byOutTradeNo = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<SandboxRefund> recent = new ConcurrentLinkedDeque<>();
    private final AtomicInteger recentSize = new AtomicInteger();
    private final SandboxOrders orders;
    private final RefundFaults faults;
    private final RefundListener listener;
    private final SandboxProperties properties;
    private final Clock clock;
    private final Ids ids;
    private final ScheduledThreadPoolExecutor timer;

    SandboxRefunds(SandboxOrders orders, RefundFaults faults, RefundListener listener, SandboxProperties properties,
                   Clock clock, Ids ids) {
        this.orders = orders;
        this.faults = faults;
        this.listener = listener;
        this.properties = properties;
        this.clock = clock;
        this.ids = ids;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "refund-settlement");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** /secapi/pay/refund: a new refund, or the same one again for an honest retry of its out_refund_no. */
    public SandboxRefund refund(RefundRequest request) {
        SandboxOrder order = (request.transactionId() != null
                ? orders.byTransactionId(request.transactionId()) : orders.byOutTradeNo(request.outTradeNo()))
                .orElseThrow(() -> new TradeRefusedException("ORDERNOTEXIST", "订单不存在"));
        Accepted accepted = accept(order, request);
        if (accepted.isNew()) {
            log.info("Refund {} of {} accepted: {} of {} fen", request.outRefundNo(), order.outTradeNo(),
                    request.refundFee(), request.totalFee());
            settleLater(accepted.refund());
        }
        return accepted.refund();
    }

    private record Accepted(SandboxRefund refund, boolean isNew) {
    }

    /**
     * One lock for every acceptance: the out_refund_no check, the "never more than was paid" sum and the
     * insert must be one step, and refunds are rare enough (WeChat allows 150 a second) that one lock is fine.
     */
    private synchronized Accepted accept(SandboxOrder order, RefundRequest request) {
        SandboxRefund existing = byOutRefundNo.get(request.outRefundNo());
        if (existing != null) {
            if (!existing.outTradeNo().equals(order.outTradeNo()) || !existing.request().sameAmountsAs(request)) {
                throw new TradeRefusedException("INVALID_REQUEST", "订单金额或退款金额与之前请求不一致，请核实后再试");
            }
            return new Accepted(existing, false);
        }
        SandboxOrder.Payment payment = order.payment().filter(paid -> order.state().paid())
                .orElseThrow(() -> new TradeRefusedException("TRADE_STATE_ERROR", "订单状态错误：订单未支付"));
        RefundRules.check(order.request().totalFee(), request, ofTrade(order.outTradeNo()));
        Instant now = clock.instant();
        Optional<RefundFault> outcomeFault = faults.takeOutcome(request.outRefundNo());
        RefundStatus outcome = outcomeFault.map(fault -> RefundStatus.valueOf(fault.mode().name()))
                .orElse(RefundStatus.SUCCESS);
        SandboxRefund refund = new SandboxRefund(request, order.outTradeNo(), payment.transactionId(),
                payment.cashFee(), ids.refundId(now), now, outcome);
        outcomeFault.ifPresent(fault -> refund.recordFault(fault.mode().name()));
        byOutRefundNo.put(refund.outRefundNo(), refund);
        byRefundId.put(refund.refundId(), refund);
        byOutTradeNo.computeIfAbsent(order.outTradeNo(), no -> new CopyOnWriteArrayList<>()).add(refund);
        remember(refund);
        order.markRefunded();
        return new Accepted(refund, true);
    }

    private void settleLater(SandboxRefund refund) {
        try {
            timer.schedule(() -> settle(refund), properties.scaled(properties.refundDelay()).toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Sandbox shutting down, refund {} stays PROCESSING", refund.outRefundNo());
        }
    }

    private void settle(SandboxRefund refund) {
        try {
            if (refund.settle(clock.instant())) {
                log.info("Refund {} ended {}", refund.outRefundNo(), refund.status());
                listener.onSettled(refund);
            }
        } catch (RuntimeException e) {
            log.error("Settling refund {} failed", refund.outRefundNo(), e);
        }
    }

    public Optional<SandboxRefund> byOutRefundNo(String outRefundNo) {
        return Optional.ofNullable(outRefundNo).map(byOutRefundNo::get);
    }

    public Optional<SandboxRefund> byRefundId(String refundId) {
        return Optional.ofNullable(refundId).map(byRefundId::get);
    }

    /** The refunds of one trade, oldest first. */
    public List<SandboxRefund> ofTrade(String outTradeNo) {
        return outTradeNo == null ? List.of() : List.copyOf(byOutTradeNo.getOrDefault(outTradeNo, List.of()));
    }

    public int count() {
        return byOutRefundNo.size();
    }

    /** The newest refunds first, at most {@code sandbox.recent-limit}. */
    public List<SandboxRefund> recent() {
        List<SandboxRefund> refunds = new ArrayList<>();
        Iterator<SandboxRefund> newestFirst = recent.iterator();
        while (newestFirst.hasNext() && refunds.size() < properties.recentLimit()) {
            refunds.add(newestFirst.next());
        }
        return refunds;
    }

    private void remember(SandboxRefund refund) {
        recent.addFirst(refund);
        if (recentSize.incrementAndGet() > properties.recentLimit() && recent.pollLast() != null) {
            recentSize.decrementAndGet();
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
