package com.changgou.pay.payment;

import com.changgou.pay.api.PayState;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/**
 * Persists {@link PayState} as its name (the WeChat trade_state it mirrors), so the column reads
 * the same in SQL, in logs and at WeChat. The only place that maps status codes.
 */
@MappedTypes(PayState.class)
public class PayStateTypeHandler extends BaseTypeHandler<PayState> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, PayState parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, parameter.name());
    }

    @Override
    public PayState getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return decode(rs.getString(columnName));
    }

    @Override
    public PayState getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return decode(rs.getString(columnIndex));
    }

    @Override
    public PayState getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return decode(cs.getString(columnIndex));
    }

    private static PayState decode(String code) {
        return code == null ? null : PayState.valueOf(code);
    }
}
