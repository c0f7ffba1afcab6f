package com.changgou.order.deadletter;

import com.changgou.order.api.ops.DeadLetterState;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code dead_letter}; statements in DeadLetterMapper.xml beside this interface's path. */
@Mapper
public interface DeadLetterMapper {

    /** 0 when a row of this queue and key is there already: a redelivered dead letter. */
    int insertIgnoringDuplicate(DeadLetterRow row);

    DeadLetterRow findById(@Param("id") long id);

    DeadLetterRow findByIdForUpdate(@Param("id") long id);

    /** Newest first. */
    List<DeadLetterRow> findByState(@Param("state") DeadLetterState state, @Param("limit") int limit);

    /** Oldest first. */
    List<DeadLetterRow> findByOrder(@Param("orderId") String orderId);

    long countByState(@Param("state") DeadLetterState state);

    /** {@code from} → {@code to} with who decided, when and why; 0 when it is no longer {@code from}. */
    int decide(@Param("id") long id, @Param("from") DeadLetterState from, @Param("to") DeadLetterState to,
            @Param("at") Instant at, @Param("by") String by, @Param("why") String why);

    /** A re-drive rejected again: one more attempt, the new reason; 0 when it is no longer {@code state}. */
    int rejectedAgain(@Param("id") long id, @Param("state") DeadLetterState state, @Param("reason") String reason);
}
