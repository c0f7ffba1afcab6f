package com.changgou.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC reads of one of the suite's schemas, to assert what was really stored. */
public final class Database {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

    private final String schema;

    Database(String schema) {
        this.schema = schema;
    }

    public long count(String sql, Object... args) {
        return ((Number) single(sql, args).values().iterator().next()).longValue();
    }

    public Map<String, Object> single(String sql, Object... args) {
        List<Map<String, Object>> rows = query(sql, args);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from %s, got %d".formatted(sql, rows.size()));
        }
        return rows.get(0);
    }

    public List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection connection = connect(schema); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(rs.getMetaData().getColumnLabel(c).toLowerCase(), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on %s: %s".formatted(schema, sql), e);
        }
    }

    /**
     * Changes rows behind the apps' backs: only for a fault that cannot be made to happen on demand
     * through the suite itself (the caller says which). Returns the rows changed.
     */
    public int update(String sql, Object... args) {
        try (Connection connection = connect(schema); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed on %s: %s".formatted(schema, sql), e);
        }
    }

    /** Drops an app's database account of the suite's (named after its schema). */
    static void dropUser(String user) {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("DROP USER IF EXISTS '" + user.replace("'", "") + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database user " + user, e);
        }
    }

    void drop() {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema, e);
        }
    }

    private static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(SERVER + schema + "?serverTimezone=UTC", "root", "");
    }
}
