package com.changgou.sandbox.refund;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How often the merchant asked about each out_refund_no: signed refund requests (answered or refused, even
 * when no refund came of them) and refundqueries that named or reached it. Tests read it to see that a
 * merchant retries with the same out_refund_no and queries while a refund is PROCESSING.
 */
@Component
public class RefundCalls {

    /** The counts for one out_refund_no. */
    public record Counts(int refundRequests, int refundQueries) {
    }

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();

    public void refundRequested(String outRefundNo) {
        requests.computeIfAbsent(outRefundNo, no -> new AtomicInteger()).incrementAndGet();
    }

    public void refundQueried(String outRefundNo) {
        queries.computeIfAbsent(outRefundNo, no -> new AtomicInteger()).incrementAndGet();
    }

    public Counts of(String outRefundNo) {
        return new Counts(count(requests, outRefundNo), count(queries, outRefundNo));
    }

    private static int count(Map<String, AtomicInteger> counts, String outRefundNo) {
        AtomicInteger count = counts.get(outRefundNo);
        return count == null ? 0 : count.get();
    }
}
