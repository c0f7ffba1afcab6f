package com.changgou.pay.payment;

import com.changgou.order.api.OrderView;
import com.changgou.pay.api.CloseOutcome;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.pay.metrics.PayMetrics;
import com.changgou.pay.wechat.CloseResult;
import com.changgou.pay.wechat.TradeQueryResult;
import com.changgou.pay.wechat.TradeState;
import com.changgou.pay.wechat.UnifiedOrderCommand;
import com.changgou.pay.wechat.UnifiedOrderResult;
import com.changgou.pay.wechat.WechatPayClient;
import com.changgou.pay.wechat.WechatUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting, checking and closing an order's WeChat Native payment, and closing and checking an order's
 * payments whatever their channel (Alipay's own moves are {@link AlipayPayments}'). Amount, expiry and
 * state are always read from the order service, never taken from the caller.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final ShopperOrders orders;
    private final WechatPayClient wechat;
    private final AlipayPayments alipay;
    private final PayRecordMapper records;
    private final PaymentConfirmations confirmations;
    private final PaymentsProperties props;
    private final TransactionTemplate tx;
    private final PayMetrics metrics;
    private final Clock clock;

    Payments(ShopperOrders orders, WechatPayClient wechat, AlipayPayments alipay, PayRecordMapper records,
             PaymentConfirmations confirmations, PaymentsProperties props, TransactionTemplate tx, PayMetrics metrics,
             Clock clock) {
        this.orders = orders;
        this.wechat = wechat;
        this.alipay = alipay;
        this.records = records;
        this.confirmations = confirmations;
        this.props = props;
        this.tx = tx;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The QR code's payment of an unpaid order: the open one when it is still valid, else a new one. */
    public NativePayment nativePay(String username, String orderId) {
        OrderView order = orders.unpaid(username, orderId);
        List<PayRecord> history = records.findByOrderId(orderId);
        Optional<PayRecord> open = openOf(history, PayChannel.WECHAT);
        if (open.isPresent()) {
            return reuse(open.get());
        }
        if (history.stream().anyMatch(r -> r.status() == PayState.SUCCESS)) {
            throw new OrderNotPayableException("order %s is PAID".formatted(orderId));
        }
        if (!order.expireAt().isAfter(clock.instant())) {
            throw new OrderNotPayableException("order %s has expired".formatted(orderId));
        }
        return toNative(start(order, history));
    }

    private NativePayment reuse(PayRecord open) {
        if (!open.timeExpire().isAfter(clock.instant())) {
            throw new OrderNotPayableException("order %s has expired".formatted(open.orderId()));
        }
        return toNative(open);
    }

    private PayRecord start(OrderView order, List<PayRecord> history) {
        // WeChat refuses a closed out_trade_no, so each new attempt after a close gets a suffix.
        String outTradeNo = history.isEmpty() ? order.id() : order.id() + "-" + history.size();
        String token = history.isEmpty() ? Tokens.next() : history.get(0).token();
        UnifiedOrderResult prepay = wechat.unifiedOrder(new UnifiedOrderCommand(outTradeNo,
                "Changgou order " + order.id(), order.payMoneyFen(), order.id(), order.expireAt(),
                props.nativePay().clientIp()));
        Instant now = clock.instant();
        PayRecord record = new PayRecord(outTradeNo, order.id(), order.username(), order.payMoneyFen(),
                PayState.NOTPAY, prepay.codeUrl(), prepay.prepayId(), token, order.expireAt(), null, null, now, now,
                PayChannel.WECHAT);
        try {
            tx.executeWithoutResult(status -> {
                records.insert(record, now);
                records.insertLog(outTradeNo, null, PayState.NOTPAY, Actor.NATIVE_PAY,
                        "unifiedorder " + prepay.prepayId(), now);
            });
            metrics.paymentStarted(PayChannel.WECHAT);
            log.info("pay record {} of order {} started ({} fen)", outTradeNo, order.id(), order.payMoneyFen());
            return record;
        } catch (DuplicateKeyException e) {
            // A concurrent request for the same order won; WeChat answers the same out_trade_no
            // with the same prepay, so its record is as good as ours.
            return openOf(records.findByOrderId(order.id()), PayChannel.WECHAT).orElseThrow(() -> e);
        }
    }

    /**
     * The payment's state as stored. A NOTPAY one is checked at WeChat (and a payment found there
     * applied) only by the poll that wins the record's claim, once per status-query interval: a
     * shopper looping on this cannot spend the merchant's orderquery quota. Another shopper's
     * record answers as not found.
     */
    public PaymentStatus status(String username, String orderId) {
        List<PayRecord> mine = records.findByOrderId(orderId).stream()
                .filter(r -> r.username().equals(username))
                .toList();
        // The paid one, whichever channel took the money; else the newest.
        PayRecord record = mine.stream().filter(r -> r.status() == PayState.SUCCESS).findFirst()
                .or(() -> mine.stream().findFirst())
                .orElseThrow(() -> new PaymentNotFoundException(orderId));
        PayState state = record.status() == PayState.NOTPAY && claimStatusQuery(record)
                ? (record.channel() == PayChannel.ALIPAY ? alipay.ask(record, Actor.STATUS_QUERY)
                        : askWechat(record, Actor.STATUS_QUERY))
                : record.status();
        return new PaymentStatus(orderId, state, record.token());
    }

    /** True for the one poll per interval, across every pay instance, that may ask WeChat. */
    private boolean claimStatusQuery(PayRecord record) {
        Instant now = clock.instant();
        return records.claimStatusQuery(record.outTradeNo(), PayState.NOTPAY, now,
                now.plus(props.statusQueryInterval())) == 1;
    }

    /**
     * Asks WeChat about a NOTPAY record and applies what it says. For the browser's polling
     * fallback an unreachable WeChat is not an error: the stored state is still true.
     */
    private PayState askWechat(PayRecord record, Actor actor) {
        try {
            Optional<TradeQueryResult> trade = wechat.queryOrder(record.outTradeNo());
            return trade.map(t -> apply(record, t, actor)).orElse(record.status());
        } catch (WechatUnavailableException e) {
            log.warn("orderquery for {} failed, answering the stored state: {}", record.outTradeNo(), e.getMessage());
            return record.status();
        }
    }

    /** Applies an orderquery answer; returns the record's state afterwards. */
    public PayState apply(PayRecord record, TradeQueryResult trade, Actor actor) {
        if (trade.state() == TradeState.SUCCESS) {
            Confirmation c = confirmations.confirm(new PaidTrade(record.outTradeNo(), trade.transactionId(),
                    trade.totalFee(), trade.paidAt(), null), actor);
            return c.stored() ? PayState.SUCCESS : record.status();
        }
        if (trade.state() == TradeState.CLOSED || trade.state() == TradeState.REVOKED) {
            return confirmations.close(record.outTradeNo(), actor, "WeChat says " + trade.state());
        }
        return record.status();
    }

    /**
     * Closes the order's open trades, each at its channel first (closeorder, alipay.trade.close),
     * truthfully reporting a payment that won the race on either.
     */
    public CloseOutcome close(String orderId) {
        List<PayRecord> history = records.findByOrderId(orderId);
        if (history.isEmpty()) {
            return CloseOutcome.NO_PAYMENT;
        }
        if (history.stream().anyMatch(r -> r.status() == PayState.SUCCESS)) {
            return CloseOutcome.PAID;
        }
        boolean paid = false;
        for (PayRecord open : history.stream().filter(PayRecord::isOpen).toList()) {
            PayState after = open.channel() == PayChannel.ALIPAY ? alipay.close(open) : closeAtWechat(open);
            paid |= after == PayState.SUCCESS;
        }
        return paid ? CloseOutcome.PAID : CloseOutcome.CLOSED;
    }

    private PayState closeAtWechat(PayRecord record) {
        CloseResult result = wechat.closeOrder(record.outTradeNo());
        if (result == CloseResult.ALREADY_PAID) {
            closePaid(record);
            return PayState.SUCCESS;
        }
        return confirmations.close(record.outTradeNo(), Actor.CLOSE, "closeorder " + result);
    }

    static Optional<PayRecord> openOf(List<PayRecord> history, PayChannel channel) {
        return history.stream().filter(r -> r.channel() == channel && r.isOpen()).findFirst();
    }

    private CloseOutcome closePaid(PayRecord record) {
        TradeQueryResult trade = wechat.queryOrder(record.outTradeNo())
                .filter(t -> t.state() == TradeState.SUCCESS)
                .orElseThrow(() -> new WechatUnavailableException(
                        "closeorder said ORDERPAID for %s but orderquery shows no payment".formatted(record.outTradeNo())));
        if (apply(record, trade, Actor.CLOSE) != PayState.SUCCESS) {
            throw new IllegalStateException("payment of %s found at WeChat does not match the record"
                    .formatted(record.outTradeNo()));
        }
        return CloseOutcome.PAID;
    }

    private static NativePayment toNative(PayRecord r) {
        return new NativePayment(r.orderId(), r.outTradeNo(), r.codeUrl(), r.totalFee(), r.timeExpire(), r.token(),
                r.status());
    }
}
