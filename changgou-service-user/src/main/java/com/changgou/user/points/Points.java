package com.changgou.user.points;

import com.changgou.order.api.BusinessType;
import com.changgou.order.api.event.OrderEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shopper's points: earned by paid GOODS orders, taken back by their refunds, each order event
 * applied once ({@link PointsRule} says how many).
 *
 * <p><b>Once.</b> Every applied event leaves an entry whose {@code event_id} is unique, written in the
 * transaction that moves the balance. A redelivered or duplicated event finds its entry among its
 * order's entries, which the transaction reads anyway, and changes nothing; two deliveries racing each
 * other, and an event whose id an entry of another order holds, are settled by the unique key, and the
 * duplicate key means "applied already". The shopper's account row is locked first, so the events of one
 * shopper apply one at a time and a refund's cap is read after every earlier refund of its order.
 *
 * <p><b>Not ours.</b> An event of another business type (COURSE) or of a type this service does not act
 * on is acknowledged and changes nothing.
 *
 * <p><b>A refund before its payment.</b> The cap is what the order earned, so a refund whose order has
 * earned nothing here yet cannot be applied: {@link EarningNotSeenException}, retried with back-off by
 * the listener, then dead-lettered where it can be moved back once the paid event is in.
 */
@Service
public class Points {

    private static final Logger log = LoggerFactory.getLogger(Points.class);
    /** The widths of the columns the event's ids are stored in. */
    private static final int MAX_EVENT_ID = 64;
    private static final int MAX_ORDER_ID = 32;
    private static final int MAX_USERNAME = 32;

    private final PointsMapper mapper;
    private final PointsRule rule;
    private final int historySize;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Points(PointsMapper mapper, PointsProperties properties, TransactionTemplate transactions, Clock clock) {
        this.mapper = mapper;
        this.rule = properties.rule();
        this.historySize = properties.historySize();
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Applies one order event, once.
     *
     * @throws PointsEventRejectedException when the event can never be applied as written
     * @throws EarningNotSeenException when it is a refund of an order that has earned nothing here yet
     */
    public PointsOutcome apply(OrderEvent event) {
        require(event.eventId(), MAX_EVENT_ID, "an event id", event);
        require(event.type(), Integer.MAX_VALUE, "a type", event);
        if (!OrderEvent.PAID.equals(event.type()) && !OrderEvent.REFUNDED.equals(event.type())) {
            log.info("order event {} has type {}, which moves no points; acknowledged", event.eventId(), event.type());
            return PointsOutcome.UNKNOWN_TYPE;
        }
        if (event.businessType() != BusinessType.GOODS) {
            log.debug("order event {} is for a {} order, which earns no points; acknowledged", event.eventId(),
                    event.businessType());
            return PointsOutcome.NOT_GOODS;
        }
        requireComplete(event);
        try {
            return transactions.execute(status -> book(event));
        } catch (DuplicateKeyException e) {
            log.debug("order event {} was applied meanwhile by another delivery", event.eventId());
            return PointsOutcome.ALREADY_APPLIED;
        } catch (ArithmeticException e) {
            throw new PointsEventRejectedException("order event %s has amounts too large to count: %s"
                    .formatted(event.eventId(), event));
        }
    }

    /** The shopper's balance and latest entries; nothing yet for a shopper who has never earned. */
    public PointsAccountView account(String username) {
        Long balance = mapper.balance(username);
        if (balance == null) {
            return new PointsAccountView(0, List.of());
        }
        return new PointsAccountView(balance,
                mapper.latestEntries(username, historySize).stream().map(PointsEntryView::of).toList());
    }

    /**
     * What the shopper's order earned and what its refunds took back.
     *
     * @throws OrderPointsNotFoundException until the order's points are in (or when it is not theirs)
     */
    public OrderPointsView ofOrder(String username, String orderId) {
        List<PointsEntryRow> entries = mapper.findByOrder(username, orderId);
        PointsEntryRow earned = earning(entries);
        if (earned == null) {
            throw new OrderPointsNotFoundException(orderId);
        }
        return new OrderPointsView(orderId, earned.points(), takenBack(entries));
    }

    private PointsOutcome book(OrderEvent event) {
        Instant now = now();
        mapper.createAndLockAccount(event.username(), now);
        List<PointsEntryRow> entries = mapper.findByOrder(event.username(), event.orderId());
        if (entries.stream().anyMatch(e -> e.eventId().equals(event.eventId()))) {
            log.debug("order event {} was applied before; acknowledged", event.eventId());
            return PointsOutcome.ALREADY_APPLIED;
        }
        PointsEntryRow entry = OrderEvent.PAID.equals(event.type()) ? earn(event, entries, now)
                : takeBack(event, entries, now);
        if (entry == null) {
            return PointsOutcome.ORDER_EARNED_ALREADY;
        }
        mapper.insertEntry(entry);
        mapper.addToBalance(entry.username(), entry.kind().signed(entry.points()), now);
        log.info("order {} {} {} points of {} (event {})", entry.orderId(),
                entry.kind() == PointsKind.EARNED ? "earned" : "took back", entry.points(), entry.username(),
                entry.eventId());
        return entry.kind() == PointsKind.EARNED ? PointsOutcome.EARNED : PointsOutcome.TAKEN_BACK;
    }

    private PointsEntryRow earn(OrderEvent event, List<PointsEntryRow> entries, Instant now) {
        PointsEntryRow earlier = earning(entries);
        if (earlier != null) {
            log.warn("order {} earned its points with event {} already; paid event {} changes nothing",
                    event.orderId(), earlier.eventId(), event.eventId());
            return null;
        }
        return entry(event, PointsKind.EARNED, rule.earned(event.amountFen()), now);
    }

    private PointsEntryRow takeBack(OrderEvent event, List<PointsEntryRow> entries, Instant now) {
        PointsEntryRow earned = earning(entries);
        if (earned == null) {
            throw new EarningNotSeenException(event.eventId(), event.orderId());
        }
        long refundedBefore = entries.stream().filter(e -> e.kind() == PointsKind.TAKEN_BACK)
                .mapToLong(PointsEntryRow::amountFen).sum();
        long points = rule.takenBack(event.amountFen(), earned.amountFen(), earned.points(), refundedBefore,
                takenBack(entries));
        return entry(event, PointsKind.TAKEN_BACK, points, now);
    }

    private static PointsEntryRow entry(OrderEvent event, PointsKind kind, long points, Instant now) {
        return new PointsEntryRow(null, event.username(), event.orderId(), event.eventId(), kind, points,
                event.amountFen(), now);
    }

    private static PointsEntryRow earning(List<PointsEntryRow> entries) {
        return entries.stream().filter(e -> e.kind() == PointsKind.EARNED).findFirst().orElse(null);
    }

    private static long takenBack(List<PointsEntryRow> entries) {
        return entries.stream().filter(e -> e.kind() == PointsKind.TAKEN_BACK).mapToLong(PointsEntryRow::points).sum();
    }

    private static void requireComplete(OrderEvent event) {
        require(event.orderId(), MAX_ORDER_ID, "an order id", event);
        require(event.username(), MAX_USERNAME, "a username", event);
        if (event.amountFen() < 0 || event.paidFen() < 0) {
            throw new PointsEventRejectedException("order event %s has a negative amount: %s"
                    .formatted(event.eventId(), event));
        }
    }

    private static void require(String value, int maxLength, String what, OrderEvent event) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new PointsEventRejectedException("order event %s lacks %s (or it is longer than %d): %s"
                    .formatted(event.eventId(), what, maxLength, event));
        }
    }

    /** Whole seconds, as {@code Accounts} writes them: what is written matches what a later read gives back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
