package com.changgou.pay.refund;

import com.changgou.pay.api.PayChannel;
import com.changgou.pay.api.RefundState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code refund_record}, its {@code refund_log}, and what refunds read of {@code pay_record}. */
@Mapper
interface RefundMapper {

    Optional<RefundRecord> find(@Param("outRefundNo") String outRefundNo);

    /** The order's pay records, newest first. */
    List<PaidPayment> findPayments(@Param("orderId") String orderId);

    /** Locks the pay record: every refund of one payment is decided one at a time. */
    Optional<PaidPayment> lockPayment(@Param("outTradeNo") String outTradeNo);

    /** The channel that took the payment: where its refunds are asked for. */
    PayChannel channelOf(@Param("outTradeNo") String outTradeNo);

    /** The opaque token of the payment's pages, for the browser push. */
    String tokenOf(@Param("outTradeNo") String outTradeNo);

    /** The fen of this payment's refunds in any of {@code holding}: gone back, or may still go. */
    long sumRefunds(@Param("outTradeNo") String outTradeNo, @Param("holding") List<RefundState> holding);

    void insert(@Param("r") RefundRecord refund, @Param("nextTryAt") Instant nextTryAt);

    /** Moves the refund only from {@code m.from}; keeps a refund_id once stored. 1 when this call moved it. */
    int move(@Param("outRefundNo") String outRefundNo, @Param("from") RefundState from, @Param("m") Move move,
             @Param("now") Instant now);

    void insertLog(@Param("outRefundNo") String outRefundNo, @Param("from") RefundState from,
                   @Param("to") RefundState to, @Param("actor") RefundActor actor, @Param("reason") String reason,
                   @Param("now") Instant now);

    /** Locks up to {@code limit} refunds in {@code states} due by {@code now}; those another instance holds are skipped. */
    List<RefundRecord> lockDue(@Param("states") List<RefundState> states, @Param("now") Instant now,
                               @Param("limit") int limit);

    /** Hides claimed refunds from other instances until {@code until}. */
    int lease(@Param("outRefundNos") List<String> outRefundNos, @Param("until") Instant until);

    /** Asks again later, still in {@code state}: capped exponential back-off, counting the attempt. */
    int defer(@Param("outRefundNo") String outRefundNo, @Param("state") RefundState state, @Param("now") Instant now,
              @Param("initialMs") long initialMs, @Param("maxMs") long maxMs);
}
