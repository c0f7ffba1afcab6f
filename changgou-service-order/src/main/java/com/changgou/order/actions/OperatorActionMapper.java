package com.changgou.order.actions;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code tb_operator_action}; statements in OperatorActionMapper.xml beside this interface's path. */
@Mapper
public interface OperatorActionMapper {

    void insert(OperatorActionRow row);

    /** Newest first. */
    List<OperatorActionRow> findLatest(@Param("limit") int limit);

    /** Oldest first. */
    List<OperatorActionRow> findByOrder(@Param("orderId") String orderId);
}
