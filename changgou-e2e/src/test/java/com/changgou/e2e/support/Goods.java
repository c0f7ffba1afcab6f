package com.changgou.e2e.support;

/** The catalogue the order service's migration seeds; prices in fen are the shop's, not the test's. */
public enum Goods {
    STICKER(100001L, 1L),
    MUG(100002L, 2_500L),
    T_SHIRT(100003L, 9_900L),
    /** Listed in the catalogue table but not on sale. */
    UMBRELLA(100004L, 4_900L),
    /** An online course: business type COURSE, which earns no points. */
    COURSE(100005L, 19_900L);

    private final long skuId;
    private final long priceFen;

    Goods(long skuId, long priceFen) {
        this.skuId = skuId;
        this.priceFen = priceFen;
    }

    public long skuId() {
        return skuId;
    }

    public long priceFen() {
        return priceFen;
    }
}
