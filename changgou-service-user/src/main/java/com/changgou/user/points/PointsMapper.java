package com.changgou.user.points;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code tb_points_account} and {@code tb_points_entry}; statements in PointsMapper.xml beside this path. */
@Mapper
interface PointsMapper {

    /**
     * Makes the shopper's account if it is not there yet, and either way holds its row lock until the
     * transaction ends: one event of a shopper is applied at a time.
     */
    void createAndLockAccount(@Param("username") String username, @Param("now") Instant now);

    /** The entries of one order of this shopper, oldest first. */
    List<PointsEntryRow> findByOrder(@Param("username") String username, @Param("orderId") String orderId);

    /** @throws org.springframework.dao.DuplicateKeyException when an entry of this event exists already */
    void insertEntry(PointsEntryRow entry);

    void addToBalance(@Param("username") String username, @Param("delta") long delta, @Param("now") Instant now);

    /** Null when the shopper has no account yet (no points ever). */
    Long balance(@Param("username") String username);

    /** The latest entries of this shopper, newest first. */
    List<PointsEntryRow> latestEntries(@Param("username") String username, @Param("limit") int limit);
}
