package com.changgou.user.points;

/**
 * Which way an entry moved a shopper's points. Stored by name ({@code tb_points_entry.kind} is an
 * {@code ENUM} of these names, read and written by MyBatis's own enum handler); the entry's points are
 * never negative, the kind gives the sign.
 */
public enum PointsKind {
    /** A paid GOODS order added them. */
    EARNED,
    /** A refund of that order took (some of) them back. */
    TAKEN_BACK;

    long signed(long points) {
        return this == EARNED ? points : -points;
    }
}
