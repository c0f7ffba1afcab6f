package com.changgou.outbox;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * SQL of {@code mq_message}; statements in OutboxMapper.xml beside this interface's path. Not a
 * {@code @Mapper}: {@link OutboxConfiguration} registers it, so an app's own mapper scan never meets it.
 */
public interface OutboxMapper {

    /**
     * Written at {@code now}, due for a claim at {@code nextTryAt} (later when leased to the writer's relay). One
     * row's statement is static, parsed once; a list's is built and parsed again on every call.
     */
    void insert(@Param("m") OutboxRow row, @Param("state") OutboxState state, @Param("now") Instant now,
                @Param("nextTryAt") Instant nextTryAt);

    /** As {@link #insert}, for several rows in one statement. */
    void insertAll(@Param("rows") List<OutboxRow> rows, @Param("state") OutboxState state, @Param("now") Instant now,
                   @Param("nextTryAt") Instant nextTryAt);

    /** Locks up to {@code limit} due NEW rows; rows another relay holds are skipped, not waited for. */
    List<OutboxRow> lockDue(@Param("state") OutboxState state, @Param("now") Instant now, @Param("limit") int limit);

    /** Hides claimed rows from other relays until {@code until} (the claim's lease). */
    int lease(@Param("ids") List<String> ids, @Param("until") Instant until);

    int markSent(@Param("ids") List<String> ids, @Param("from") OutboxState from, @Param("to") OutboxState to,
                 @Param("now") Instant now);

    /** Counts a failed attempt and backs off exponentially, capped at {@code maxMs}. */
    int markFailed(@Param("ids") List<String> ids, @Param("state") OutboxState state, @Param("now") Instant now,
                   @Param("initialMs") long initialMs, @Param("maxMs") long maxMs);

    int countInState(@Param("state") OutboxState state);

    /** How many rows are in {@code state} and the oldest one's creation time, from the index alone. */
    OutboxBacklog backlog(@Param("state") OutboxState state);

    int deleteSentBefore(@Param("state") OutboxState state, @Param("before") Instant before, @Param("limit") int limit);
}
