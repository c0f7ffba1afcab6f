package com.changgou.pay.payment;

import com.changgou.order.api.OrderView;
import com.changgou.pay.alipay.AlipayClient;
import com.changgou.pay.alipay.AlipayCloseResult;
import com.changgou.pay.alipay.AlipayNotConfiguredException;
import com.changgou.pay.alipay.AlipayTrade;
import com.changgou.pay.alipay.AlipayTradeStatus;
import com.changgou.pay.alipay.AlipayUnavailableException;
import com.changgou.pay.alipay.CashierForm;
import com.changgou.pay.alipay.WapPayCommand;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import com.changgou.pay.metrics.PayMetrics;
import com.changgou.pay.payment.Confirmation.Rejection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order's Alipay mobile-website payment: started here (a pay record, nothing sent to Alipay yet), opened
 * by the phone through its cashier form, confirmed by a notification or a query through the same one path
 * to paid as WeChat's ({@link PaymentConfirmations}), closed at Alipay first.
 */
@Service
public class AlipayPayments {

    private static final Logger log = LoggerFactory.getLogger(AlipayPayments.class);

    private final ShopperOrders orders;
    private final AlipayClient alipay;
    private final PayRecordMapper records;
    private final PaymentConfirmations confirmations;
    private final TransactionTemplate tx;
    private final PayMetrics metrics;
    private final Clock clock;

    AlipayPayments(ShopperOrders orders, AlipayClient alipay, PayRecordMapper records,
                   PaymentConfirmations confirmations, TransactionTemplate tx, PayMetrics metrics, Clock clock) {
        this.orders = orders;
        this.alipay = alipay;
        this.records = records;
        this.confirmations = confirmations;
        this.tx = tx;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The order's open Alipay payment when it is still valid, else a new one. 503 (not configured) when Alipay is off. */
    public AlipayPayment wap(String username, String orderId) {
        if (!alipay.configured()) {
            throw new AlipayNotConfiguredException();
        }
        OrderView order = orders.unpaid(username, orderId);
        List<PayRecord> history = records.findByOrderId(orderId);
        Optional<PayRecord> open = Payments.openOf(history, PayChannel.ALIPAY);
        if (open.isPresent()) {
            if (!open.get().timeExpire().isAfter(clock.instant())) {
                throw new OrderNotPayableException("order %s has expired".formatted(orderId));
            }
            return view(open.get());
        }
        if (history.stream().anyMatch(r -> r.status() == PayState.SUCCESS)) {
            throw new OrderNotPayableException("order %s is PAID".formatted(orderId));
        }
        if (!order.expireAt().isAfter(clock.instant())) {
            throw new OrderNotPayableException("order %s has expired".formatted(orderId));
        }
        return view(start(order, history));
    }

    private PayRecord start(OrderView order, List<PayRecord> history) {
        // Alipay refuses a closed out_trade_no too; its own suffix keeps it apart from WeChat's numbering.
        long earlier = history.stream().filter(r -> r.channel() == PayChannel.ALIPAY).count();
        String outTradeNo = order.id() + "-A" + (earlier == 0 ? "" : earlier);
        String token = history.isEmpty() ? Tokens.next() : history.get(0).token();
        Instant now = clock.instant();
        PayRecord record = new PayRecord(outTradeNo, order.id(), order.username(), order.payMoneyFen(),
                PayState.NOTPAY, null, null, token, order.expireAt(), null, null, now, now, PayChannel.ALIPAY);
        try {
            tx.executeWithoutResult(status -> {
                records.insert(record, now);
                records.insertLog(outTradeNo, null, PayState.NOTPAY, Actor.ALIPAY_WAP, "alipay.trade.wap.pay", now);
            });
            metrics.paymentStarted(PayChannel.ALIPAY);
            log.info("Alipay pay record {} of order {} started ({} fen)", outTradeNo, order.id(), order.payMoneyFen());
            return record;
        } catch (DuplicateKeyException e) {
            // A concurrent request for the same order won: its record is as good as ours.
            return Payments.openOf(records.findByOrderId(order.id()), PayChannel.ALIPAY).orElseThrow(() -> e);
        }
    }

    /**
     * The signed cashier form of the open Alipay record of the order with this token: what the phone opens.
     * PaymentNotFoundException for a token no order has, PaymentGoneException when it is paid, closed or expired.
     */
    public CashierForm cashier(String token) {
        List<PayRecord> named = records.findByToken(token);
        if (named.isEmpty()) {
            throw new PaymentNotFoundException("token");
        }
        PayRecord open = Payments.openOf(named, PayChannel.ALIPAY)
                .orElseThrow(() -> new PaymentGoneException("this payment is no longer open"));
        if (!open.timeExpire().isAfter(clock.instant())) {
            throw new PaymentGoneException("this payment has expired");
        }
        return alipay.wapPay(new WapPayCommand(open.outTradeNo(), "Changgou order " + open.orderId(),
                open.totalFee(), open.timeExpire(), open.orderId()));
    }

    /**
     * Applies a verified notification that the trade was paid, through the one path to paid: the record is read,
     * checked (ours, Alipay's, the same amount) and paid in one transaction, and {@code alongside} gets the
     * decision inside it, so what it writes (the notification's verdict) commits with the payment or not at all.
     * Stored (APPLIED, or DUPLICATE) when the payment is durably recorded; REJECTED when the trade names no
     * Alipay record of ours or does not match it (logged WARN why). Throws only when it could not be stored.
     */
    public Confirmation notifiedPaid(AlipayTrade trade, Consumer<Confirmation> alongside) {
        if (!trade.status().paid()) {
            throw new IllegalArgumentException("trade %s is %s, not paid"
                    .formatted(trade.outTradeNo(), trade.status()));
        }
        return confirmations.confirm(paidTrade(trade.outTradeNo(), trade), Actor.ALIPAY_NOTIFY, alongside);
    }

    /**
     * Applies a verified notification of a trade not paid: closed → the record closed if still open; waiting →
     * nothing. Stored (APPLIED, or DUPLICATE when it changed nothing) when what it says is durably reflected, so
     * Alipay may stop sending; REJECTED when it names no Alipay record of ours or does not match it (logged WARN
     * why). Throws only when it could not be stored.
     */
    public Confirmation notifiedUnpaid(AlipayTrade trade) {
        if (trade.status().paid()) {
            throw new IllegalArgumentException("trade %s is paid: notifiedPaid takes it".formatted(trade.outTradeNo()));
        }
        Actor actor = Actor.ALIPAY_NOTIFY;
        Optional<PayRecord> found = records.findByOutTradeNo(trade.outTradeNo());
        Confirmation mismatch = found.isEmpty() ? Confirmation.rejected(Rejection.UNKNOWN_TRADE, "unknown out_trade_no")
                : found.get().channel() != PayChannel.ALIPAY
                        ? Confirmation.rejected(Rejection.CHANNEL_MISMATCH, "not an Alipay payment")
                : found.get().totalFee() != trade.totalFee()
                        ? Confirmation.rejected(Rejection.AMOUNT_MISMATCH, "total_amount is %d fen, the record's %d"
                                .formatted(trade.totalFee(), found.get().totalFee()))
                        : null;
        if (mismatch != null) {
            log.warn("Alipay's word on out_trade_no {} ({}, trade {}, via {}) rejected: {}", trade.outTradeNo(),
                    trade.status(), trade.tradeNo(), actor, mismatch.reason());
            return mismatch;
        }
        PayRecord record = found.get();
        if (trade.status() == AlipayTradeStatus.TRADE_CLOSED) {
            PayState after = confirmations.close(record.outTradeNo(), actor, "Alipay says TRADE_CLOSED");
            return record.isOpen() && after == PayState.CLOSED ? Confirmation.applied() : Confirmation.duplicate();
        }
        // Waiting for the buyer: the record already says as much.
        return Confirmation.duplicate();
    }

    /** Applies what Alipay says about a record (query or notification); returns the record's state afterwards. */
    public PayState apply(PayRecord record, AlipayTrade trade, Actor actor) {
        if (trade.status().paid()) {
            Confirmation c = confirmations.confirm(paidTrade(record.outTradeNo(), trade), actor);
            return c.stored() ? PayState.SUCCESS : record.status();
        }
        if (trade.status() == AlipayTradeStatus.TRADE_CLOSED) {
            return confirmations.close(record.outTradeNo(), actor, "Alipay says TRADE_CLOSED");
        }
        return record.status();
    }

    /** A status poll's ask (claimed by the caller): an unreachable Alipay is not an error, the stored state is still true. */
    PayState ask(PayRecord record, Actor actor) {
        try {
            return alipay.queryTrade(record.outTradeNo()).map(t -> apply(record, t, actor)).orElse(record.status());
        } catch (AlipayUnavailableException | AlipayNotConfiguredException e) {
            log.warn("alipay.trade.query for {} failed, answering the stored state: {}", record.outTradeNo(),
                    e.getMessage());
            return record.status();
        }
    }

    /**
     * Closes an open Alipay record at Alipay first. Nothing there (the cashier was never opened) or closed
     * there: closed here. Not closable: Alipay's trade decides (paid → the paid path wins). Returns the
     * record's state afterwards: CLOSED, or SUCCESS when a payment won the race.
     */
    PayState close(PayRecord record) {
        AlipayCloseResult result = alipay.closeTrade(record.outTradeNo());
        if (result == AlipayCloseResult.NOT_CLOSABLE) {
            AlipayTrade trade = alipay.queryTrade(record.outTradeNo())
                    .orElseThrow(() -> new AlipayUnavailableException(
                            "alipay.trade.close found %s not closable but alipay.trade.query knows no such trade"
                                    .formatted(record.outTradeNo())));
            if (trade.status().paid()) {
                PayState after = apply(record, trade, Actor.CLOSE);
                if (after != PayState.SUCCESS) {
                    throw new IllegalStateException("payment of %s found at Alipay does not match the record"
                            .formatted(record.outTradeNo()));
                }
                return after;
            }
            if (trade.status() != AlipayTradeStatus.TRADE_CLOSED) {
                throw new AlipayUnavailableException("Alipay will not close %s, which is %s"
                        .formatted(record.outTradeNo(), trade.status()));
            }
        }
        return confirmations.close(record.outTradeNo(), Actor.CLOSE, "alipay.trade.close " + result);
    }

    /** What Alipay says was paid, for the record named {@code outTradeNo} (a query's: the record it asked about). */
    private static PaidTrade paidTrade(String outTradeNo, AlipayTrade trade) {
        return new PaidTrade(PayChannel.ALIPAY, outTradeNo, trade.tradeNo(), trade.totalFee(), trade.paidAt(),
                trade.raw());
    }

    private static AlipayPayment view(PayRecord r) {
        return new AlipayPayment(r.orderId(), r.outTradeNo(), r.token(), r.totalFee(), r.timeExpire(), r.status());
    }
}
