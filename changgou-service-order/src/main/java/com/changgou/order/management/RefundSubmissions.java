package com.changgou.order.management;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The REQUESTED refunds' side of their submission: which are due, taking one for one submission (a
 * conditional update that leases it, so several instances never submit one row at once), and the
 * back-off after a failed one. What the pay service answered is applied by {@link RefundResults}.
 */
@Service
public class RefundSubmissions {

    private final RefundMapper refunds;
    private final RefundProperties properties;
    private final Clock clock;

    RefundSubmissions(RefundMapper refunds, RefundProperties properties, Clock clock) {
        this.refunds = refunds;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<String> due() {
        return refunds.findDue(now(), properties.batch());
    }

    /** The refund for one submission, if it is REQUESTED, due, and nobody else took it first. */
    @Transactional
    public Optional<RefundClaim> claim(String refundId) {
        Instant now = now();
        if (refunds.claim(refundId, now, now.plus(properties.lease())) != 1) {
            return Optional.empty();
        }
        RefundRow r = refunds.findRefund(refundId);
        return Optional.of(new RefundClaim(r.id(), r.orderId(), r.transactionId(), r.amount(), r.reason(), r.attempts()));
    }

    /** The submission failed for now: the next one after the back-off, unless the row moved on meanwhile. */
    @Transactional
    public Instant retryLater(RefundClaim claim) {
        Instant now = now();
        Instant next = now.plus(properties.backoff(claim.attempts()));
        refunds.retryAt(claim.id(), claim.attempts(), next, now);
        return next;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
