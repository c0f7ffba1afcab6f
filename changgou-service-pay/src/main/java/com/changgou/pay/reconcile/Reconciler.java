package com.changgou.pay.reconcile;

import com.changgou.pay.ReadCommitted;
import com.changgou.pay.alipay.AlipayClient;
import com.changgou.pay.alipay.AlipayTrade;
import com.changgou.pay.alipay.AlipayTradeStatus;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import com.changgou.pay.payment.Actor;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.pay.payment.PayRecord;
import com.changgou.pay.payment.PayRecordMapper;
import com.changgou.pay.payment.Payments;
import com.changgou.pay.wechat.TradeQueryResult;
import com.changgou.pay.wechat.TradeState;
import com.changgou.pay.wechat.WechatPayClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing lost when a notification never arrives: records still NOTPAY after the grace period
 * are queried at their channel (orderquery, alipay.trade.query) with per-record back-off, and a payment found goes through the same path
 * as a notification. Claims use SKIP LOCKED and push next_query_at out in the same transaction,
 * so two instances never query the same record at once.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final PayRecordMapper records;
    private final Payments payments;
    private final WechatPayClient wechat;
    private final AlipayPayments alipayPayments;
    private final AlipayClient alipay;
    private final ReconcileProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    Reconciler(PayRecordMapper records, Payments payments, WechatPayClient wechat, AlipayPayments alipayPayments,
               AlipayClient alipay, ReconcileProperties props, @ReadCommitted TransactionTemplate tx, Clock clock) {
        this.records = records;
        this.payments = payments;
        this.wechat = wechat;
        this.alipayPayments = alipayPayments;
        this.alipay = alipay;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pay.reconcile.interval:PT5S}", initialDelayString = "${pay.reconcile.interval:PT5S}")
    void scheduled() {
        if (props.enabled()) {
            try {
                reconcileOnce();
            } catch (RuntimeException e) {
                log.warn("reconciliation pass failed, next pass retries: {}", e.toString());
            }
        }
    }

    /** One pass; returns how many records it queried. */
    int reconcileOnce() {
        List<PayRecord> due = claim();
        for (PayRecord record : due) {
            try {
                reconcile(record);
            } catch (RuntimeException e) {
                // Already deferred by the claim: it is asked again after its back-off.
                log.warn("reconciling {} failed: {}", record.outTradeNo(), e.toString());
            }
        }
        return due.size();
    }

    private List<PayRecord> claim() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<PayRecord> due = records.lockDueForQuery(now, now.minus(props.grace()), props.batchSize());
            if (!due.isEmpty()) {
                records.deferQuery(due.stream().map(PayRecord::outTradeNo).toList(), now,
                        props.backoffInitial().toMillis(), props.backoffMax().toMillis());
            }
            return due;
        });
    }

    private void reconcile(PayRecord record) {
        if (record.channel() == PayChannel.ALIPAY) {
            reconcileAlipay(record);
            return;
        }
        Optional<TradeQueryResult> trade = wechat.queryOrder(record.outTradeNo());
        boolean expired = !record.timeExpire().isAfter(clock.instant());
        boolean unpaid = trade.map(t -> t.state() == TradeState.NOTPAY || t.state() == TradeState.USERPAYING)
                .orElse(true);
        if (unpaid) {
            if (expired) {
                // Nobody paid before the deadline; the order's timeout closes it through close().
                records.stopQuerying(record.outTradeNo());
                log.info("pay record {} expired unpaid, reconciliation stops asking", record.outTradeNo());
            }
            return;
        }
        PayState after = payments.apply(record, trade.get(), Actor.RECONCILE);
        log.info("reconciled pay record {}: WeChat says {}, record is {}", record.outTradeNo(),
                trade.get().state(), after);
    }

    /** No trade at Alipay (ACQ.TRADE_NOT_EXIST) means the phone never opened the cashier: wait, until expiry. */
    private void reconcileAlipay(PayRecord record) {
        Optional<AlipayTrade> trade = alipay.queryTrade(record.outTradeNo());
        if (trade.map(t -> t.status() == AlipayTradeStatus.WAIT_BUYER_PAY).orElse(true)) {
            stopWhenExpired(record);
            return;
        }
        PayState after = alipayPayments.apply(record, trade.get(), Actor.RECONCILE);
        log.info("reconciled pay record {}: Alipay says {}, record is {}", record.outTradeNo(),
                trade.get().status(), after);
    }

    private void stopWhenExpired(PayRecord record) {
        if (!record.timeExpire().isAfter(clock.instant())) {
            records.stopQuerying(record.outTradeNo());
            log.info("pay record {} expired unpaid, reconciliation stops asking", record.outTradeNo());
        }
    }
}
