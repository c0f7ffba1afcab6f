package com.changgou.order.management;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A type stored as a string code: subclasses say which code, and MyBatis does the rest. */
abstract class CodeTypeHandler<T> extends BaseTypeHandler<T> {

    abstract String code(T value);

    /** The value of a non-null code; an unknown code is an error, never a guess. */
    abstract T of(String code);

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, T value, JdbcType jdbcType) throws SQLException {
        ps.setString(i, code(value));
    }

    @Override
    public T getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return decode(rs.getString(columnName));
    }

    @Override
    public T getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return decode(rs.getString(columnIndex));
    }

    @Override
    public T getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return decode(cs.getString(columnIndex));
    }

    private T decode(String code) {
        return code == null ? null : of(code);
    }
}
