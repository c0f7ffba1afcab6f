package com.changgou.order.management;

import com.changgou.order.api.RefundLine;

/** Refund rows to the API's view records. */
final class RefundLines {

    private RefundLines() {
    }

    static RefundLine of(RefundRow r) {
        return new RefundLine(r.id(), r.amount(), r.kind(), r.state(), r.refusal(), r.createTime(), r.updateTime());
    }
}
