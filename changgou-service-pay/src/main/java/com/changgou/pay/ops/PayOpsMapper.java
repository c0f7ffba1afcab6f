package com.changgou.pay.ops;

import com.changgou.common.ops.OutboxEntry;
import com.changgou.common.ops.StateChange;
import com.changgou.pay.api.ops.NotificationEntry;
import com.changgou.pay.api.ops.PaymentSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** What the ops console reads: pay records, their logs, notifications, refunds and outbox rows. Read only. */
@Mapper
interface PayOpsMapper {

    /** Newest first, at most {@code limit}. */
    List<PaymentSummary> findPayments(@Param("c") PaymentCriteria criteria, @Param("limit") int limit);

    Optional<PaymentSummary> findPayment(@Param("outTradeNo") String outTradeNo);

    /** The record's opaque token: what its browser pushes carry. */
    String tokenOf(@Param("outTradeNo") String outTradeNo);

    /** Oldest first. */
    List<StateChange> payLog(@Param("outTradeNo") String outTradeNo);

    /** The newest {@code limit} naming the record or one of its refunds, newest first. */
    List<NotificationEntry> notificationsNaming(@Param("outTradeNo") String outTradeNo, @Param("limit") int limit);

    /** Outbox rows with this id or an id starting with one of {@code idPrefixes} (LIKE patterns, escaped). */
    List<OutboxEntry> outboxByIds(@Param("id") String id, @Param("idPatterns") List<String> idPatterns);

    /** Broadcasts of {@code type} whose body matches {@code bodyPattern}, written at one of {@code writtenAt}. */
    List<OutboxEntry> broadcastsAt(@Param("type") String type, @Param("bodyPattern") String bodyPattern,
                                   @Param("writtenAt") Collection<Instant> writtenAt);

    /** Oldest first. */
    List<RefundRow> refunds(@Param("outTradeNo") String outTradeNo);

    /** Every log row of the payment's refunds, subject = out_refund_no, oldest first. */
    List<StateChange> refundLogs(@Param("outTradeNo") String outTradeNo);

    /** Refused notifications naming nothing we hold, newest first. */
    List<NotificationEntry> unmatchedRefusals(@Param("limit") int limit);

    /** Pay records created per minute from {@code since} until {@code until}. */
    List<MinuteCount> startedPerMinute(@Param("since") Instant since, @Param("until") Instant until);

    /** Pay records moved to SUCCESS per minute (their pay_log rows). */
    List<MinuteCount> paidPerMinute(@Param("since") Instant since, @Param("until") Instant until);

    /** Notifications refused per minute. */
    List<MinuteCount> refusedPerMinute(@Param("since") Instant since, @Param("until") Instant until);

    OutboxBacklog outboxBacklog();
}
