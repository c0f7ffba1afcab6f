package com.changgou.order.ops;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reads the order events' outbox ({@code mq_message}) by event id; statements in OrderOutboxMapper.xml. */
@Mapper
interface OrderOutboxMapper {

    /** Oldest first. */
    List<OutboxRow> findByIds(@Param("ids") List<String> ids);
}
