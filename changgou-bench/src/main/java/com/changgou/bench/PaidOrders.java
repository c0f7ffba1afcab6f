package com.changgou.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Counts the bench's own orders that reached PAID ({@code order_status = '1'}) in the order
 * schema. One connection is kept open so that polling every 100 ms costs one indexed query.
 */
final class PaidOrders implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement count;

    PaidOrders(Suite suite, Collection<String> usernames) {
        List<String> users = List.copyOf(usernames);
        try {
            connection = DriverManager.getConnection(suite.jdbcUrl(), suite.dbUser(), suite.dbPassword());
            count = connection.prepareStatement("SELECT COUNT(*) FROM tb_order WHERE order_status = '1' AND username IN ("
                    + String.join(",", java.util.Collections.nCopies(users.size(), "?")) + ")");
            for (int i = 0; i < users.size(); i++) {
                count.setString(i + 1, users.get(i));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read %s: %s".formatted(suite.jdbcUrl(), e.getMessage()), e);
        }
    }

    long count() {
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("COUNT of paid orders failed", e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
