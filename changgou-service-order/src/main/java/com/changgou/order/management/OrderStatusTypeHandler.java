package com.changgou.order.management;

import com.changgou.order.api.OrderStatus;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedJdbcTypes;
import org.apache.ibatis.type.MappedTypes;

/**
 * The one place that knows how {@link OrderStatus} is stored: the seed's codes '0' unpaid, '1' paid,
 * '2' closed, so existing reports that read the column keep working.
 */
@MappedTypes(OrderStatus.class)
@MappedJdbcTypes(value = JdbcType.CHAR, includeNullJdbcType = true)
public class OrderStatusTypeHandler extends BaseTypeHandler<OrderStatus> {

    static String code(OrderStatus status) {
        return switch (status) {
            case UNPAID -> "0";
            case PAID -> "1";
            case CLOSED -> "2";
        };
    }

    static OrderStatus of(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "0" -> OrderStatus.UNPAID;
            case "1" -> OrderStatus.PAID;
            case "2" -> OrderStatus.CLOSED;
            default -> throw new IllegalStateException("unknown order status code '%s'".formatted(code));
        };
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, OrderStatus status, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, code(status));
    }

    @Override
    public OrderStatus getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return of(rs.getString(columnName));
    }

    @Override
    public OrderStatus getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return of(rs.getString(columnIndex));
    }

    @Override
    public OrderStatus getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return of(cs.getString(columnIndex));
    }
}
