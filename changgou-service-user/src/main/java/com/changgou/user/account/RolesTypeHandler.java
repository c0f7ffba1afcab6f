package com.changgou.user.account;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * The one place that knows how roles are stored: their names, comma-separated ({@code SHOPPER,OPERATOR}).
 * Named in AccountMapper.xml rather than registered for every {@code List}, which would claim lists that are
 * not roles.
 */
public class RolesTypeHandler extends BaseTypeHandler<List<Role>> {

    static String column(List<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }

    static List<Role> of(String column) {
        if (column == null) {
            return null;
        }
        return Arrays.stream(column.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(RolesTypeHandler::role).toList();
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown role '%s' in tb_user.roles".formatted(name), e);
        }
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<Role> roles, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, column(roles));
    }

    @Override
    public List<Role> getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return of(rs.getString(columnName));
    }

    @Override
    public List<Role> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return of(rs.getString(columnIndex));
    }

    @Override
    public List<Role> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return of(cs.getString(columnIndex));
    }
}
