package com.changgou.pay.wechat;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * {@code pay_record.time_end} keeps WeChat's own {@code time_end} text, as it always has; this maps
 * it to the {@link Instant} the rest of the service uses. Named in the mapper XML for that column
 * only (it lies outside the scanned type-handler package, so it never maps other instants).
 */
public class WechatTimeTypeHandler extends BaseTypeHandler<Instant> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Instant paidAt, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, WechatTime.format(paidAt));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return WechatTime.parse(rs.getString(columnName));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return WechatTime.parse(rs.getString(columnIndex));
    }

    @Override
    public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return WechatTime.parse(cs.getString(columnIndex));
    }
}
