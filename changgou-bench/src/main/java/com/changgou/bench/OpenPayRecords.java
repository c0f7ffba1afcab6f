package com.changgou.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What WeChat knows of a started payment and its notification names, but the shopper's wxpay page
 * does not show: the out_trade_no and total_fee of the order's open pay record, read from the pay
 * schema (one open record per order: NOTPAY or USERPAYING).
 */
final class OpenPayRecords {

    record Charge(String outTradeNo, long totalFee) {
    }

    /** Order ids per query: well below MySQL's limit on placeholders. */
    private static final int BATCH = 500;

    private OpenPayRecords() {
    }

    /** The charge of each order that has an open pay record, by order id. */
    static Map<String, Charge> byOrderId(Suite suite, List<String> orderIds) {
        Map<String, Charge> charges = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(), suite.dbUser(), suite.dbPassword())) {
            for (int from = 0; from < orderIds.size(); from += BATCH) {
                List<String> batch = orderIds.subList(from, Math.min(orderIds.size(), from + BATCH));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT order_id, out_trade_no, total_fee FROM `%s`.pay_record WHERE status IN ('NOTPAY', 'USERPAYING') "
                                .formatted(suite.paySchema().replace("`", ""))
                                + "AND order_id IN (" + String.join(",", Collections.nCopies(batch.size(), "?")) + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        select.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            charges.put(rows.getString(1), new Charge(rows.getString(2), rows.getLong(3)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the pay records in %s: %s".formatted(suite.paySchema(), e.getMessage()), e);
        }
        return charges;
    }
}
