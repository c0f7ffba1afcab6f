package com.changgou.pay.refund;

import com.changgou.pay.ReadCommitted;
import com.changgou.pay.alipay.AlipayClient;
import com.changgou.pay.alipay.AlipayNotConfiguredException;
import com.changgou.pay.alipay.AlipayRefundAnswer;
import com.changgou.pay.alipay.AlipayRefundCommand;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.RefundView;
import com.changgou.pay.wechat.RefundApplication;
import com.changgou.pay.wechat.RefundApplyAnswer;
import com.changgou.pay.wechat.WechatPayClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Giving money back for a paid order. A refund is stored first (PENDING, in the transaction that
 * checks what is left of the payment under the pay record's lock), then WeChat is asked, outside any
 * transaction, with the refund's own out_refund_no: asking again after a lost answer or a crash is
 * the same refund at WeChat, never a second one.
 */
@Service
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final Pattern OUT_REFUND_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_REASON = 80;
    private static final List<RefundState> HOLDING =
            Arrays.stream(RefundState.values()).filter(RefundState::holdsMoney).toList();

    private final RefundMapper refunds;
    private final RefundTransitions transitions;
    private final WechatPayClient wechat;
    private final AlipayClient alipay;
    private final RefundProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** {@code tx} runs READ COMMITTED: once the pay record is locked, the sum reads every refund committed before. */
    Refunds(RefundMapper refunds, RefundTransitions transitions, WechatPayClient wechat, AlipayClient alipay,
            RefundProperties props, @ReadCommitted TransactionTemplate tx, Clock clock) {
        this.refunds = refunds;
        this.transitions = transitions;
        this.wechat = wechat;
        this.alipay = alipay;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Stores the refund and asks WeChat at once. A known out_refund_no answers that refund as it
     * stands; more than is left of the payment is stored REFUSED with the reason.
     */
    public RefundView refund(RefundCommand command) {
        validate(command);
        Optional<RefundRecord> known = refunds.find(command.outRefundNo());
        if (known.isPresent()) {
            return sameRefund(known.get(), command).view();
        }
        PaidPayment payment = paymentOf(command);
        Stored stored;
        try {
            stored = tx.execute(status -> store(command, payment));
        } catch (DuplicateKeyException e) {
            // The same out_refund_no arrived twice at once, for another payment than the one we locked.
            return sameRefund(refunds.find(command.outRefundNo()).orElseThrow(() -> e), command).view();
        }
        if (stored.created() && stored.refund().state() == RefundState.PENDING) {
            submit(stored.refund());
            return view(command.outRefundNo());
        }
        return stored.refund().view();
    }

    /** The refund the command names, and whether this call stored it (and so asks WeChat about it). */
    private record Stored(RefundRecord refund, boolean created) {
    }

    /** A refund as it stands. */
    public RefundView view(String outRefundNo) {
        return refunds.find(outRefundNo).map(RefundRecord::view)
                .orElseThrow(() -> new RefundNotFoundException("refund %s not found".formatted(outRefundNo)));
    }

    /**
     * Asks WeChat to make a PENDING refund (again), outside any transaction, and stores what it said:
     * PROCESSING, REFUSED, or still PENDING with the next ask backed off.
     */
    void submit(RefundRecord refund) {
        if (refunds.channelOf(refund.outTradeNo()) == PayChannel.ALIPAY) {
            submitToAlipay(refund);
            return;
        }
        RefundApplyAnswer answer = wechat.applyRefund(new RefundApplication(refund.outRefundNo(), refund.outTradeNo(),
                refund.transactionId(), refund.totalFee(), refund.refundFee(), refund.reason()));
        switch (answer.kind()) {
            case ACCEPTED -> transitions.move(refund,
                    Move.accepted(answer.refundId(), clock.instant().plus(props.queryGrace())), RefundActor.REFUND_APPLY);
            case REFUSED -> transitions.move(refund,
                    Move.refused("WeChat refused: %s (%s)".formatted(answer.code(), answer.description())),
                    RefundActor.REFUND_APPLY);
            case RETRY_LATER -> later(refund, answer);
        }
    }

    /**
     * alipay.trade.refund with out_request_no = out_refund_no: fund_change Y is SUCCESS at once, a taking
     * without it PROCESSING (the worker's fastpay.refund.query settles it); ACQ.SYSTEM_ERROR and the unknown
     * wait; any other business failure is REFUSED with Alipay's sub_code and sub_msg.
     */
    private void submitToAlipay(RefundRecord refund) {
        AlipayRefundAnswer answer;
        try {
            answer = alipay.refund(new AlipayRefundCommand(refund.outRefundNo(), refund.outTradeNo(),
                    refund.refundFee(), refund.reason()));
        } catch (AlipayNotConfiguredException e) {
            later(refund, true, "ALIPAY_NOT_CONFIGURED", e.getMessage());
            return;
        }
        Instant now = clock.instant();
        switch (answer.kind()) {
            case REFUNDED -> transitions.move(refund,
                    Move.refundedByAlipay(answer.refundedAt() != null ? answer.refundedAt() : now), RefundActor.REFUND_APPLY);
            case ACCEPTED -> transitions.move(refund, Move.acceptedByAlipay(now.plus(props.queryGrace())),
                    RefundActor.REFUND_APPLY);
            case REFUSED -> transitions.move(refund, Move.refused("Alipay refused: " + answer.description()),
                    RefundActor.REFUND_APPLY);
            case RETRY_LATER -> later(refund, false, "ALIPAY_UNAVAILABLE", answer.description());
        }
    }

    private void later(RefundRecord refund, RefundApplyAnswer answer) {
        String why = answer.code() == null ? answer.description() : answer.code() + " (" + answer.description() + ")";
        later(refund, answer.trouble().needsOperator(), answer.trouble().name(), why);
    }

    private void later(RefundRecord refund, boolean needsOperator, String trouble, String why) {
        refunds.defer(refund.outRefundNo(), RefundState.PENDING, clock.instant(), props.backoffInitial().toMillis(),
                props.backoffMax().toMillis());
        if (needsOperator) {
            log.error("refund {} of order {} ({} fen) stays PENDING, {}: {}", refund.outRefundNo(), refund.orderId(),
                    refund.refundFee(), trouble, why);
        } else {
            log.warn("refund {} of order {} ({} fen) stays PENDING, asked again later, {}: {}", refund.outRefundNo(),
                    refund.orderId(), refund.refundFee(), trouble, why);
        }
    }

    /** Under the pay record's lock: what is left of the payment decides PENDING or REFUSED. */
    private Stored store(RefundCommand command, PaidPayment payment) {
        PaidPayment locked = refunds.lockPayment(payment.outTradeNo()).orElseThrow();
        Optional<RefundRecord> raced = refunds.find(command.outRefundNo());
        if (raced.isPresent()) {
            return new Stored(sameRefund(raced.get(), command), false);
        }
        long left = locked.totalFee() - refunds.sumRefunds(locked.outTradeNo(), HOLDING);
        Instant now = clock.instant();
        boolean fits = command.refundFee() <= left;
        String refusal = fits ? null : "exceeds what is left: %d fen".formatted(left);
        RefundRecord refund = new RefundRecord(command.outRefundNo(), locked.outTradeNo(), locked.orderId(),
                locked.transactionId(), command.refundFee(), locked.totalFee(),
                fits ? RefundState.PENDING : RefundState.REFUSED, null, blankToNull(command.reason()), refusal, null, 0,
                now, now);
        // A PENDING refund is asked about right after the commit; the lease keeps the worker off it meanwhile.
        transitions.create(refund, fits ? now.plus(props.lease()) : null,
                fits ? "%d of %d fen, %d left".formatted(command.refundFee(), locked.totalFee(), left) : refusal);
        log.info("refund {} of order {} stored {}: {} fen of payment {}{}", refund.outRefundNo(), refund.orderId(),
                refund.state(), refund.refundFee(), refund.outTradeNo(), fits ? "" : ", " + refusal);
        return new Stored(refund, true);
    }

    /** The payment to refund: the one of that transaction, else the order's one successful payment. */
    private PaidPayment paymentOf(RefundCommand command) {
        List<PaidPayment> payments = refunds.findPayments(command.orderId());
        if (payments.isEmpty()) {
            throw new RefundNotFoundException("no payment for order %s".formatted(command.orderId()));
        }
        if (command.transactionId() != null) {
            PaidPayment payment = payments.stream().filter(p -> command.transactionId().equals(p.transactionId()))
                    .findFirst().orElseThrow(() -> new RefundNotFoundException("order %s has no payment with transaction %s"
                            .formatted(command.orderId(), command.transactionId())));
            if (payment.status() != PayState.SUCCESS) {
                throw new RefundConflictException("payment %s of order %s is %s, not SUCCESS"
                        .formatted(payment.outTradeNo(), command.orderId(), payment.status()));
            }
            return payment;
        }
        List<PaidPayment> paid = payments.stream().filter(p -> p.status() == PayState.SUCCESS).toList();
        if (paid.isEmpty()) {
            throw new RefundConflictException("order %s has no successful payment to refund".formatted(command.orderId()));
        }
        if (paid.size() > 1) {
            throw new RefundConflictException("order %s was paid %d times: name the transactionId to refund"
                    .formatted(command.orderId(), paid.size()));
        }
        return paid.get(0);
    }

    private static RefundRecord sameRefund(RefundRecord known, RefundCommand command) {
        boolean same = known.orderId().equals(command.orderId()) && known.refundFee() == command.refundFee()
                && (command.transactionId() == null || command.transactionId().equals(known.transactionId()));
        if (!same) {
            throw new RefundConflictException("refund %s is %d fen of order %s (transaction %s), not %d fen of order %s%s"
                    .formatted(known.outRefundNo(), known.refundFee(), known.orderId(), known.transactionId(),
                            command.refundFee(), command.orderId(),
                            command.transactionId() == null ? "" : " (transaction %s)".formatted(command.transactionId())));
        }
        return known;
    }

    private static void validate(RefundCommand command) {
        if (command == null) {
            throw new InvalidRefundException("no refund command");
        }
        if (command.outRefundNo() == null || !OUT_REFUND_NO.matcher(command.outRefundNo()).matches()) {
            throw new InvalidRefundException("outRefundNo must be 1 to 32 of A-Z a-z 0-9 _ -");
        }
        if (command.orderId() == null || !ID.matcher(command.orderId()).matches()) {
            throw new InvalidRefundException("orderId must be 1 to 32 of A-Z a-z 0-9 _ -");
        }
        if (command.transactionId() != null && !ID.matcher(command.transactionId()).matches()) {
            throw new InvalidRefundException("transactionId must be 1 to 32 of A-Z a-z 0-9 _ - when given");
        }
        if (command.refundFee() <= 0) {
            throw new InvalidRefundException("refundFee must be a positive number of fen, is " + command.refundFee());
        }
        if (command.reason() != null && command.reason().codePointCount(0, command.reason().length()) > MAX_REASON) {
            throw new InvalidRefundException("reason must be at most %d characters".formatted(MAX_REASON));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
