package com.changgou.pay.ops;

import com.changgou.common.ops.OutboxEntry;
import com.changgou.common.ops.StateChange;
import com.changgou.pay.api.message.PayNotifyMessage;
import com.changgou.pay.api.ops.NotificationEntry;
import com.changgou.pay.api.ops.PaymentStory;
import com.changgou.pay.api.ops.PaymentSummary;
import com.changgou.pay.api.ops.RefundEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Pay records as operators look them up, and each one's whole story: its log, every notification that
 * named it or one of its refunds (with the verdict), the outbox rows it wrote, and its refunds with their
 * logs.
 *
 * <p>Outbox rows carry no column naming their pay record; they are tied to it by the ids the pay service
 * gives them, which name what they announce ({@code pr-<out_trade_no>} for the payment's result,
 * {@code rr-<out_refund_no>-<state>} for a refund's), and the browser broadcasts (random ids, the
 * order's token in the body) by being written in the same statement as one of those: same token, same
 * {@code created_at}.
 */
@Service
class PaymentStories {

    /** A story shows at most this many notifications (the newest): a flood of forgeries must not drown it. */
    static final int MAX_NOTIFICATIONS = 500;
    private static final String PAY_RESULT_ID_PREFIX = "pr-";
    private static final String REFUND_RESULT_ID_PREFIX = "rr-";

    private final PayOpsMapper ops;

    PaymentStories(PayOpsMapper ops) {
        this.ops = ops;
    }

    List<PaymentSummary> find(PaymentCriteria criteria) {
        return ops.findPayments(criteria, PaymentCriteria.LIMIT);
    }

    PaymentStory story(String outTradeNo) {
        PaymentSummary payment = ops.findPayment(outTradeNo)
                .orElseThrow(() -> new PayRecordNotFoundException(outTradeNo));
        List<NotificationEntry> notifications = new ArrayList<>(ops.notificationsNaming(outTradeNo, MAX_NOTIFICATIONS));
        Collections.reverse(notifications);
        List<RefundRow> refunds = ops.refunds(outTradeNo);
        return new PaymentStory(payment, ops.payLog(outTradeNo), notifications, outbox(outTradeNo, refunds),
                refundEntries(outTradeNo, refunds));
    }

    private List<OutboxEntry> outbox(String outTradeNo, List<RefundRow> refunds) {
        List<String> refundResults = refunds.stream()
                .map(r -> likePrefix(REFUND_RESULT_ID_PREFIX + r.outRefundNo() + "-")).toList();
        List<OutboxEntry> results = ops.outboxByIds(PAY_RESULT_ID_PREFIX + outTradeNo, refundResults);
        List<OutboxEntry> rows = new ArrayList<>(results);
        Set<Instant> writtenAt = results.stream().map(OutboxEntry::createdAt).collect(Collectors.toSet());
        String token = ops.tokenOf(outTradeNo);
        if (!writtenAt.isEmpty() && token != null) {
            rows.addAll(ops.broadcastsAt(PayNotifyMessage.TYPE, "%\"token\":\"" + escapeLike(token) + "\"%", writtenAt));
        }
        rows.sort(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id));
        return rows;
    }

    private List<RefundEntry> refundEntries(String outTradeNo, List<RefundRow> refunds) {
        if (refunds.isEmpty()) {
            return List.of();
        }
        Map<String, List<StateChange>> logs = ops.refundLogs(outTradeNo).stream()
                .collect(Collectors.groupingBy(StateChange::subject));
        // Why a refused refund was never made says more than the reason it was asked with.
        return refunds.stream()
                .map(r -> new RefundEntry(r.outRefundNo(), r.state(), r.refundFee(), r.refundId(),
                        r.refusal() != null ? r.refusal() : r.reason(), r.createdAt(), r.updatedAt(),
                        logs.getOrDefault(r.outRefundNo(), List.of())))
                .toList();
    }

    private static String likePrefix(String prefix) {
        return escapeLike(prefix) + "%";
    }

    /** Ids and tokens may hold {@code _} (and in principle {@code %}): LIKE must take them literally. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
