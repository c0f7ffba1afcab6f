package com.changgou.pay.payment;

import com.changgou.pay.api.PayState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code pay_record} and its {@code pay_log}. Every status change is conditional on the current status. */
@Mapper
public interface PayRecordMapper {

    Optional<PayRecord> findByOutTradeNo(@Param("outTradeNo") String outTradeNo);

    /** Newest first. */
    List<PayRecord> findByOrderId(@Param("orderId") String orderId);

    /** The records of the order whose opaque token this is, newest first. */
    List<PayRecord> findByToken(@Param("token") String token);

    void insert(@Param("r") PayRecord record, @Param("nextQueryAt") Instant nextQueryAt);

    /**
     * To {@code to} (SUCCESS, the only move it is for), only from {@code from}, only for the amount we asked for.
     * 1 when this call moved it.
     */
    int markPaid(@Param("outTradeNo") String outTradeNo, @Param("from") PayState from, @Param("to") PayState to,
                 @Param("totalFee") long totalFee, @Param("transactionId") String transactionId,
                 @Param("paidAt") Instant paidAt, @Param("rawNotify") String rawNotify, @Param("now") Instant now);

    /** CLOSED, only from {@code from}. */
    int markClosed(@Param("outTradeNo") String outTradeNo, @Param("from") PayState from, @Param("now") Instant now);

    /**
     * A status poll's claim to ask WeChat about a record still in state {@code open}: granted when
     * the previous claim's interval has run out by {@code now}, and the next one waits until
     * {@code until}. 1 for the one caller that may ask; concurrent claims queue on the row lock.
     */
    int claimStatusQuery(@Param("outTradeNo") String outTradeNo, @Param("open") PayState open,
                         @Param("now") Instant now, @Param("until") Instant until);

    void insertLog(@Param("outTradeNo") String outTradeNo, @Param("from") PayState from, @Param("to") PayState to,
                   @Param("actor") Actor actor, @Param("reason") String reason, @Param("now") Instant now);

    /**
     * Locks up to {@code limit} NOTPAY records created before {@code createdBefore} (the grace
     * period) and due for an orderquery; records another instance holds are skipped.
     */
    List<PayRecord> lockDueForQuery(@Param("now") Instant now, @Param("createdBefore") Instant createdBefore,
                                    @Param("limit") int limit);

    /** Pushes the next query out with capped exponential back-off and counts the attempt. */
    int deferQuery(@Param("outTradeNos") List<String> outTradeNos, @Param("now") Instant now,
                   @Param("initialMs") long initialMs, @Param("maxMs") long maxMs);

    /** Reconciliation gives up on this record (expired and still unpaid: close() owns it now). */
    int stopQuerying(@Param("outTradeNo") String outTradeNo);
}
