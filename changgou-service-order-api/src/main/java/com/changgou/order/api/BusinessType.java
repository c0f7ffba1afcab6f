package com.changgou.order.api;

/**
 * What kind of business an order is for. Services that hear of orders act only on the types they
 * handle and acknowledge the rest untouched: the user service awards points for GOODS only; a
 * COURSE is the learning center's kind (the seeds' xuecheng pattern), which no service of this
 * suite handles yet.
 */
public enum BusinessType {
    /** Goods shipped to the shopper. */
    GOODS,
    /** An online course: enrolled, not shipped. */
    COURSE
}
