package com.changgou.sandbox.trade;

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

/** Every order this WeChat has seen, indexed by out_trade_no, code_url and transaction_id. In memory only. */
@Component
public class SandboxOrders {

    private final Map<String, SandboxOrder> byOutTradeNo = new ConcurrentHashMap<>();
    private final Map<String, SandboxOrder> byCodeUrl = new ConcurrentHashMap<>();
    private final Map<String, SandboxOrder> byTransactionId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<SandboxOrder> recent = new ConcurrentLinkedDeque<>();
    private final AtomicInteger recentSize = new AtomicInteger();
    private final SandboxProperties properties;
    private final Clock clock;
    private final Ids ids;
    private final PaidOrderListener listener;

    public SandboxOrders(SandboxProperties properties, Clock clock, Ids ids, PaidOrderListener listener) {
        this.properties = properties;
        this.clock = clock;
        this.ids = ids;
        this.listener = listener;
    }

    /** unifiedorder: a new order, or the same one again for an identical repeat. */
    public SandboxOrder place(OrderRequest request) {
        SandboxOrder existing = byOutTradeNo.get(request.outTradeNo());
        if (existing != null) {
            existing.repeat(request);
            return existing;
        }
        Instant now = clock.instant();
        if (request.timeExpire() != null && !request.timeExpire().isAfter(now)) {
            throw new TradeRefusedException("INVALID_REQUEST", "time_expire时间过短");
        }
        Instant ttlEnd = now.plus(properties.codeUrlTtl());
        Instant payableUntil = request.timeExpire() != null && request.timeExpire().isBefore(ttlEnd)
                ? request.timeExpire() : ttlEnd;
        SandboxOrder created = new SandboxOrder(request, ids.prepayId(now), ids.codeUrl(), now, payableUntil);
        SandboxOrder raced = byOutTradeNo.putIfAbsent(request.outTradeNo(), created);
        if (raced != null) {
            raced.repeat(request);
            return raced;
        }
        byCodeUrl.put(created.codeUrl(), created);
        remember(created);
        return created;
    }

    public Optional<SandboxOrder> byOutTradeNo(String outTradeNo) {
        return Optional.ofNullable(byOutTradeNo.get(outTradeNo));
    }

    public Optional<SandboxOrder> byTransactionId(String transactionId) {
        return Optional.ofNullable(byTransactionId.get(transactionId));
    }

    public Optional<SandboxOrder> byCodeUrl(String codeUrl) {
        return Optional.ofNullable(codeUrl).map(byCodeUrl::get);
    }

    /** closeorder; with the close delay enforced, WeChat refuses to close an order younger than five minutes. */
    public void close(String outTradeNo) {
        SandboxOrder order = byOutTradeNo(outTradeNo)
                .orElseThrow(() -> new TradeRefusedException("ORDERNOTEXIST", "此交易订单号不存在"));
        order.closeRequested();
        Instant now = clock.instant();
        if (properties.enforceCloseDelay() && order.state().closable()
                && now.isBefore(order.createdAt().plus(properties.scaled(properties.closeDelay())))) {
            throw new TradeRefusedException("SYSTEMERROR", "订单生成后不能马上调用关单接口，最短调用时间间隔为5分钟");
        }
        order.close(now);
    }

    /** The phone scanned the code_url and chose what happens; a successful payment is notified. */
    public SandboxOrder scan(String codeUrl, ScanOutcome outcome) {
        SandboxOrder order = byCodeUrl(codeUrl).orElseThrow(() -> new ScanRefusedException(
                ScanRefusedException.Reason.UNKNOWN_CODE_URL, "no order has code_url %s".formatted(codeUrl)));
        boolean paid = order.scan(outcome, clock.instant(), this::newPayment);
        if (paid) {
            byTransactionId.put(order.payment().orElseThrow().transactionId(), order);
            listener.onPaid(order);
        }
        return order;
    }

    public int count() {
        return byOutTradeNo.size();
    }

    public int paidCount() {
        return byTransactionId.size();
    }

    /** The newest orders first, at most {@code sandbox.recent-limit}. */
    public List<SandboxOrder> recent() {
        List<SandboxOrder> orders = new ArrayList<>(properties.recentLimit());
        Iterator<SandboxOrder> newestFirst = recent.iterator();
        while (newestFirst.hasNext() && orders.size() < properties.recentLimit()) {
            orders.add(newestFirst.next());
        }
        return orders;
    }

    private void remember(SandboxOrder order) {
        recent.addFirst(order);
        if (recentSize.incrementAndGet() > properties.recentLimit() && recent.pollLast() != null) {
            recentSize.decrementAndGet();
        }
    }

    private SandboxOrder.Payment newPayment(long totalFee, Instant paidAt) {
        return new SandboxOrder.Payment(ids.transactionId(paidAt), ids.openId(), "OTHERS", totalFee, paidAt);
    }
}
