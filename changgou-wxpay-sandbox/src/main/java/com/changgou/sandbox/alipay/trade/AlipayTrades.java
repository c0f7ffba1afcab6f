package com.changgou.sandbox.alipay.trade;

import com.changgou.sandbox.SandboxProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Every trade this Alipay has seen, by out_trade_no, trade_no and cashier token. In memory only. */
@Component
public class AlipayTrades {

    private final Map<String, AlipayTrade> byOutTradeNo = new ConcurrentHashMap<>();
    private final Map<String, AlipayTrade> byTradeNo = new ConcurrentHashMap<>();
    private final Map<String, AlipayTrade> byToken = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<AlipayTrade> recent = new ConcurrentLinkedDeque<>();
    private final AtomicInteger recentSize = new AtomicInteger();
    private final AtomicInteger paid = new AtomicInteger();
    private final SandboxProperties properties;
    private final Clock clock;
    private final AlipayIds ids;
    private final AlipayTradeListener listener;

    public AlipayTrades(SandboxProperties properties, Clock clock, AlipayIds ids, AlipayTradeListener listener) {
        this.properties = properties;
        this.clock = clock;
        this.ids = ids;
        this.listener = listener;
    }

    /** wap.pay: a new waiting trade, or the same one again for the same out_trade_no and amount. */
    public AlipayTrade open(WapPayOrder order) {
        Instant now = clock.instant();
        AlipayTrade existing = byOutTradeNo.get(order.outTradeNo());
        if (existing != null) {
            existing.expireIfDue(now);
            existing.repeat(order);
            return existing;
        }
        if (order.timeExpire() != null && !order.timeExpire().isAfter(now)) {
            throw new AlipayRefusedException("ACQ.INVALID_PARAMETER", "参数无效：time_expire 已过");
        }
        AlipayTrade created = new AlipayTrade(order, ids.tradeNo(now), ids.cashierToken(), now);
        AlipayTrade raced = byOutTradeNo.putIfAbsent(order.outTradeNo(), created);
        if (raced != null) {
            raced.repeat(order);
            return raced;
        }
        byTradeNo.put(created.tradeNo(), created);
        byToken.put(created.cashierToken(), created);
        remember(created);
        return created;
    }

    /** As Alipay looks a trade up: trade_no first when given, else out_trade_no. */
    public Optional<AlipayTrade> find(String outTradeNo, String tradeNo) {
        AlipayTrade trade = tradeNo != null && !tradeNo.isEmpty() ? byTradeNo.get(tradeNo)
                : outTradeNo == null ? null : byOutTradeNo.get(outTradeNo);
        if (trade != null) {
            trade.expireIfDue(clock.instant());
        }
        return Optional.ofNullable(trade);
    }

    public Optional<AlipayTrade> byOutTradeNo(String outTradeNo) {
        return find(outTradeNo, null);
    }

    public Optional<AlipayTrade> byCashierToken(String token) {
        Optional<AlipayTrade> trade = Optional.ofNullable(token).map(byToken::get);
        trade.ifPresent(found -> found.expireIfDue(clock.instant()));
        return trade;
    }

    /** The buyer acted in the cashier; a payment is notified. */
    public AlipayTrade pay(AlipayTrade trade, CashierOutcome outcome) {
        Instant now = clock.instant();
        trade.expireIfDue(now);
        if (trade.pay(outcome, () -> new AlipayTrade.Payment(ids.buyerId(), ids.buyerLogonId(), now))) {
            paid.incrementAndGet();
            listener.onPaid(trade);
        }
        return trade;
    }

    public AlipayTrade close(AlipayTrade trade) {
        if (trade.close(clock.instant())) {
            listener.onClosed(trade);
        }
        return trade;
    }

    public AlipayTrade.RefundResult refund(AlipayTrade trade, String outRequestNo, long amountFen, String reason) {
        AlipayTrade.RefundResult result = trade.refund(outRequestNo, amountFen, reason, clock.instant());
        if (result.fundChange()) {
            listener.onRefunded(trade, result.refund());
        }
        return result;
    }

    public int count() {
        return byOutTradeNo.size();
    }

    public int paidCount() {
        return paid.get();
    }

    /** The newest trades first, at most {@code sandbox.recent-limit}. */
    public List<AlipayTrade> recent() {
        List<AlipayTrade> trades = new ArrayList<>();
        Iterator<AlipayTrade> newestFirst = recent.iterator();
        while (newestFirst.hasNext() && trades.size() < properties.recentLimit()) {
            trades.add(newestFirst.next());
        }
        return trades;
    }

    private void remember(AlipayTrade trade) {
        recent.addFirst(trade);
        if (recentSize.incrementAndGet() > properties.recentLimit() && recent.pollLast() != null) {
            recentSize.decrementAndGet();
        }
    }
}
