package com.changgou.pay.notifylog;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code notify_log}: written once per notification, deleted after the retention; read by the ops console. */
@Mapper
interface NotifyLogMapper {

    void insert(@Param("r") NotifyLogRow row);

    /** Deletes at most {@code limit} rows received before {@code before}, oldest first; returns how many. */
    int deleteBefore(@Param("before") Instant before, @Param("limit") int limit);
}
