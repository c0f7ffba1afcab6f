package com.changgou.pay.refund;

import com.changgou.pay.ReadCommitted;
import com.changgou.pay.alipay.AlipayClient;
import com.changgou.pay.alipay.AlipayNotConfiguredException;
import com.changgou.pay.alipay.AlipayRefundStatus;
import com.changgou.pay.alipay.AlipayRejectedException;
import com.changgou.pay.alipay.AlipayUnavailableException;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.wechat.RefundQueryResult;
import com.changgou.pay.wechat.WechatPayClient;
import com.changgou.pay.wechat.WechatRejectedException;
import com.changgou.pay.wechat.WechatUnavailableException;
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
 * Nothing left hanging: a PENDING refund due again is asked of /secapi/pay/refund with the same
 * out_refund_no; a PROCESSING one past its grace (or a CHANGE one now and then) is asked about with
 * refundquery, and what WeChat says goes the same one path as a notification. Claims use SKIP LOCKED
 * and a lease in one transaction, so several instances never ask about one refund at once.
 */
@Component
class RefundWorker {

    private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);
    private static final List<RefundState> UNSETTLED = List.of(RefundState.PENDING, RefundState.PROCESSING,
            RefundState.CHANGE);

    private final RefundMapper refunds;
    private final Refunds applications;
    private final RefundTransitions transitions;
    private final WechatPayClient wechat;
    private final AlipayClient alipay;
    private final RefundProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    RefundWorker(RefundMapper refunds, Refunds applications, RefundTransitions transitions, WechatPayClient wechat,
                 AlipayClient alipay, RefundProperties props, @ReadCommitted TransactionTemplate tx, Clock clock) {
        this.alipay = alipay;
        this.refunds = refunds;
        this.applications = applications;
        this.transitions = transitions;
        this.wechat = wechat;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pay.refund.interval:PT2S}", initialDelayString = "${pay.refund.interval:PT2S}")
    void scheduled() {
        if (props.enabled()) {
            try {
                workOnce();
            } catch (RuntimeException e) {
                log.warn("refund pass failed, next pass retries: {}", e.toString());
            }
        }
    }

    /** One pass; returns how many refunds it asked WeChat about. */
    int workOnce() {
        List<RefundRecord> due = claim();
        for (RefundRecord refund : due) {
            try {
                if (refund.state() == RefundState.PENDING) {
                    applications.submit(refund);
                } else {
                    query(refund);
                }
            } catch (RuntimeException e) {
                // Leased by the claim: it is asked again once the lease runs out.
                log.warn("refund {} ({}) could not be settled this pass: {}", refund.outRefundNo(), refund.state(),
                        e.toString());
            }
        }
        return due.size();
    }

    private List<RefundRecord> claim() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<RefundRecord> due = refunds.lockDue(UNSETTLED, now, props.batchSize());
            if (!due.isEmpty()) {
                refunds.lease(due.stream().map(RefundRecord::outRefundNo).toList(), now.plus(props.lease()));
            }
            return due;
        });
    }

    private void query(RefundRecord refund) {
        if (refunds.channelOf(refund.outTradeNo()) == PayChannel.ALIPAY) {
            queryAlipay(refund);
            return;
        }
        Optional<RefundQueryResult> found;
        try {
            found = wechat.queryRefund(refund.outRefundNo(), refund.outTradeNo());
        } catch (WechatUnavailableException | WechatRejectedException e) {
            later(refund, "refundquery failed: " + e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            later(refund, "WeChat knows no refund " + refund.outRefundNo());
            return;
        }
        RefundQueryResult answer = found.get();
        if (answer.state() == refund.state()) {
            later(refund, null);
            return;
        }
        Reported reported = transitions.report(new RefundReport(answer.outRefundNo(), answer.outTradeNo(),
                answer.transactionId(), answer.refundId(), answer.totalFee(), answer.refundFee(), answer.state(),
                answer.successTime(), null), RefundActor.REFUND_QUERY);
        if (!reported.stored()) {
            later(refund, "refundquery answer not applied: " + reported.reason());
        }
    }

    /** alipay.trade.fastpay.refund.query: REFUND_SUCCESS goes the one path; anything else waits. */
    private void queryAlipay(RefundRecord refund) {
        Optional<AlipayRefundStatus> found;
        try {
            found = alipay.queryRefund(refund.outRefundNo(), refund.outTradeNo());
        } catch (AlipayUnavailableException | AlipayRejectedException | AlipayNotConfiguredException e) {
            later(refund, "alipay.trade.fastpay.refund.query failed: " + e.getMessage());
            return;
        }
        if (found.isEmpty() || !found.get().refunded()) {
            later(refund, found.isEmpty() ? "Alipay reports no refund " + refund.outRefundNo() : null);
            return;
        }
        AlipayRefundStatus answer = found.get();
        Reported reported = transitions.report(new RefundReport(answer.outRefundNo(), answer.outTradeNo(),
                answer.tradeNo(), null, answer.totalFee(), answer.refundFee(), RefundState.SUCCESS,
                answer.refundedAt(), null), RefundActor.REFUND_QUERY);
        if (!reported.stored()) {
            later(refund, "alipay.trade.fastpay.refund.query answer not applied: " + reported.reason());
        }
    }

    /**
     * Still unsettled: ask again after the back-off (a CHANGE refund waits for a person, so only
     * every {@code backoff-max}). {@code trouble} is worth a warning when set.
     */
    private void later(RefundRecord refund, String trouble) {
        long initial = refund.state() == RefundState.CHANGE ? props.backoffMax().toMillis() : props.backoffInitial().toMillis();
        refunds.defer(refund.outRefundNo(), refund.state(), clock.instant(), initial, props.backoffMax().toMillis());
        if (trouble != null) {
            log.warn("refund {} stays {}, asked again later: {}", refund.outRefundNo(), refund.state(), trouble);
        }
    }
}
