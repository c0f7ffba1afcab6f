package com.changgou.e2e.support;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads of the order schema. It keeps the seeds' status codes ('0' unpaid, '1' paid, '2' closed, and
 * the refunds' '3' refunding, '4' refunded, '5' partially refunded); the tests speak the enum's names.
 */
public final class OrderSchema {

    static final String STATUS =
            "CASE order_status WHEN '0' THEN 'UNPAID' WHEN '1' THEN 'PAID' WHEN '2' THEN 'CLOSED' WHEN '3' THEN 'REFUNDING'"
                    + " WHEN '4' THEN 'REFUNDED' WHEN '5' THEN 'PARTIALLY_REFUNDED' END";

    private OrderSchema() {
    }

    /** Log rows of the UNPAID→PAID transition of one order. */
    public static long paidLogRows(Suite suite, String orderId) {
        return suite.orderDb().count("SELECT COUNT(*) FROM tb_order_log WHERE order_id = ? AND to_status = '1'", orderId);
    }

    /** Each order's status by id. */
    public static Map<String, String> statuses(Suite suite, Collection<String> orderIds) {
        String in = orderIds.stream().map(id -> "'" + id.replace("'", "") + "'").collect(Collectors.joining(","));
        Map<String, String> result = new LinkedHashMap<>();
        suite.orderDb().query("SELECT id, " + STATUS + " AS status FROM tb_order WHERE id IN (" + in + ")")
                .forEach(row -> result.put(String.valueOf(row.get("id")), String.valueOf(row.get("status"))));
        return result;
    }

    /** How many orders are in each status. */
    public static Map<String, Long> countByStatus(Suite suite, Collection<String> orderIds) {
        return statuses(suite, orderIds).values().stream()
                .collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()));
    }

    public static long refundsToMake(Suite suite, String orderId) {
        return suite.orderDb().count("SELECT COUNT(*) FROM tb_order_refund_todo WHERE order_id = ?", orderId);
    }
}
