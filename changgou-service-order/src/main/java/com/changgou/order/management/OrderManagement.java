package com.changgou.order.management;

import com.changgou.common.IdWorker;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.order.catalogue.Catalogue;
import com.changgou.order.catalogue.PricedLine;
import com.changgou.order.catalogue.PricedOrder;
import com.changgou.pay.api.message.PayResultMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders and their life: placing, paying, closing (refunds: {@link Refunds}, {@link RefundResults}).
 * Every state change is a conditional update and its log row in one transaction, so a duplicate or a
 * race loses quietly instead of changing state twice; a change other services hear of publishes its
 * {@link OrderEvents event} in that same transaction.
 */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

    private final OrderMapper mapper;
    private final RefundMapper refundMapper;
    private final Refunds refunds;
    private final Catalogue catalogue;
    private final IdWorker idWorker;
    private final OrderProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrderManagement(OrderMapper mapper, RefundMapper refundMapper, Refunds refunds, Catalogue catalogue,
            IdWorker idWorker, OrderProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.refundMapper = refundMapper;
        this.refunds = refunds;
        this.catalogue = catalogue;
        this.idWorker = idWorker;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Places the order at the catalogue's prices, read in this transaction.
     *
     * @throws com.changgou.order.catalogue.OrderRefusedException when the shop will not sell it as asked
     */
    @Transactional
    public OrderView place(String username, PlaceOrderRequest request) {
        PricedOrder priced = catalogue.price(request.items(), properties.maxTotalFen());
        String id = Long.toString(idWorker.nextId());
        List<OrderItemRow> items = priced.lines().stream().map(line -> itemRow(id, line)).toList();
        Instant now = now();
        Instant expireAt = now.plus(properties.timeout());
        OrderRow order = new OrderRow(id, username, priced.totalNum(), priced.totalFen(), priced.totalFen(),
                PayType.WECHAT, OrderStatus.UNPAID, null, now, now, null, null, expireAt, priced.businessType());
        mapper.insertOrder(order);
        mapper.insertItems(items);
        mapper.insertLog(new OrderLogRow(null, id, null, OrderStatus.UNPAID, Operator.shopper(username), "placed",
                null, now));
        events.publishEvent(new OrderPlaced(id, expireAt));
        log.info("order {} placed by {}: {} items of {}, {} fen, expires {}", id, username, priced.totalNum(),
                priced.businessType(), priced.totalFen(), expireAt);
        return OrderViews.of(order, items, List.of());
    }

    private OrderItemRow itemRow(String orderId, PricedLine line) {
        return new OrderItemRow(Long.toString(idWorker.nextId()), orderId, line.skuId(), line.name(),
                line.priceFen(), line.quantity(), line.moneyFen());
    }

    /** The order, if it is this shopper's; another shopper's order is as unknown as a missing one. */
    @Transactional(readOnly = true)
    public OrderView get(String username, String id) {
        OrderRow order = mapper.findById(id);
        if (order == null || !order.username().equals(username)) {
            throw new OrderNotFoundException(id);
        }
        return view(order);
    }

    @Transactional(readOnly = true)
    public List<OrderView> list(String username) {
        return mapper.findByUsername(username).stream()
                .map(this::view)
                .toList();
    }

    /** The order whoever owns it, for operators. */
    @Transactional(readOnly = true)
    public OrderView find(String id) {
        OrderRow order = mapper.findById(id);
        if (order == null) {
            throw new OrderNotFoundException(id);
        }
        return view(order);
    }

    /** The order's log rows (its refunds' moves included), oldest first. */
    @Transactional(readOnly = true)
    public List<OrderLogRow> logOf(String id) {
        return mapper.findLogs(id);
    }

    private OrderView view(OrderRow order) {
        return OrderViews.of(order, mapper.findItems(order.id()), refundMapper.findRefunds(order.id()));
    }

    /** The order's status, for callers that act on it without a shopper (timeouts); null when unknown. */
    @Transactional(readOnly = true)
    public OrderStatus statusOf(String id) {
        OrderRow order = mapper.findById(id);
        return order == null ? null : order.orderStatus();
    }

    /**
     * Applies WeChat's confirmation that an order was paid. Safe to call any number of times with the
     * same result. Money that arrives for an order that can no longer take it is recorded for refund.
     *
     * @throws PaymentRejectedException when the order is unknown or the amount is not the order's
     */
    @Transactional
    public PaymentOutcome markPaid(PayResultMessage result) {
        OrderRow order = mapper.findByIdForUpdate(result.orderId());
        if (order == null) {
            throw new PaymentRejectedException("pay result %s names unknown order %s"
                    .formatted(result.messageId(), result.orderId()));
        }
        if (result.totalFee() != order.payMoney()) {
            throw new PaymentRejectedException("pay result %s for order %s paid %d fen, the order costs %d fen"
                    .formatted(result.messageId(), order.id(), result.totalFee(), order.payMoney()));
        }
        Instant now = now();
        // The row is locked, so a refused move here is final: a duplicate, or money the order cannot take.
        if (order.orderStatus().canMoveTo(OrderStatus.PAID)
                && mapper.markPaid(order.id(), result.transactionId(), paidAt(result, now), now) == 1) {
            mapper.insertLog(new OrderLogRow(null, order.id(), order.orderStatus(), OrderStatus.PAID,
                    Operator.Service.PAY, "paid by WeChat", result.transactionId(), now));
            events.publishEvent(OrderEvents.paid(order, now));
            events.publishEvent(new OrderPaid(order.id(), result.occurredAt(), clock.instant()));
            log.info("order {} paid, transaction {}", order.id(), result.transactionId());
            return PaymentOutcome.PAID;
        }
        // the payment the order was paid by, whatever became of the order since (refunds included)
        if (result.transactionId().equals(order.transactionId())) {
            log.debug("order {} already paid by transaction {}; duplicate ignored", order.id(), order.transactionId());
            return PaymentOutcome.DUPLICATE;
        }
        refunds.recordUnkeptPayment(order, result.transactionId(), result.totalFee(), now);
        return PaymentOutcome.REFUND_RECORDED;
    }

    /**
     * When WeChat took the money. A result published before pay sent {@code paidAt} carries only
     * WeChat's own time string, which this service does not read: the moment pay stored the
     * payment stands in for it.
     */
    private static Instant paidAt(PayResultMessage result, Instant fallback) {
        if (result.paidAt() != null) {
            return result.paidAt();
        }
        return result.occurredAt() != null ? result.occurredAt() : fallback;
    }

    /** UNPAID → CLOSED; false when the order was no longer unpaid (paid or closed meanwhile). */
    @Transactional
    public boolean close(String id, String reason) {
        OrderRow order = mapper.findByIdForUpdate(id);
        if (order == null || !order.orderStatus().canMoveTo(OrderStatus.CLOSED)) {
            log.debug("order {} not closed ({}): it is {}", id, reason,
                    order == null ? "unknown" : order.orderStatus());
            return false;
        }
        Instant now = now();
        if (mapper.close(id, now) == 0) {
            return false;
        }
        mapper.insertLog(new OrderLogRow(null, id, order.orderStatus(), OrderStatus.CLOSED, Operator.Service.SYSTEM,
                reason, null, now));
        events.publishEvent(new OrderClosed(id));
        log.info("order {} closed: {}", id, reason);
        return true;
    }

    /**
     * Whole seconds: MySQL Connector/J drops fractions on MariaDB (it reads the server as 5.5.5), so
     * what we return must match what a later read gives back on either server.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Unpaid orders whose expiry passed before {@code cutoff}, oldest first. */
    @Transactional(readOnly = true)
    public List<String> expiredBefore(Instant cutoff, int limit) {
        return mapper.findExpiredIds(OrderStatus.UNPAID, cutoff, limit);
    }
}
