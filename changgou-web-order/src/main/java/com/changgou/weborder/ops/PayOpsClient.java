package com.changgou.weborder.ops;

import com.changgou.pay.api.ops.LiveView;
import com.changgou.pay.api.ops.NotificationEntry;
import com.changgou.pay.api.ops.PayOpsFeign;
import com.changgou.pay.api.ops.PaymentStory;
import com.changgou.pay.api.ops.PaymentSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/** The pay service as the console reads it (it changes nothing there); every failure becomes an {@link OpsFailure}. */
@Component
class PayOpsClient {

    static final String SERVICE = "pay";
    /** The live page's window: one hour, one point a minute. */
    static final int LIVE_MINUTES = 60;

    private final PayOpsFeign payOps;

    PayOpsClient(PayOpsFeign payOps) {
        this.payOps = payOps;
    }

    List<PaymentSummary> find(PaymentSearch.Criteria criteria) {
        return RemoteCalls.call(SERVICE, "payments",
                () -> payOps.find(criteria.orderId(), criteria.transactionId(), criteria.from(), criteria.to()));
    }

    /** Every pay record of the order, each with its whole story, newest first as the pay service finds them. */
    List<PaymentStory> storiesOf(String orderId) {
        List<PaymentSummary> records = RemoteCalls.call(SERVICE, "payments of order " + orderId,
                () -> payOps.find(orderId, null, null, null));
        return records.stream()
                .map(record -> RemoteCalls.call(SERVICE, "pay record " + record.outTradeNo(),
                        () -> payOps.story(record.outTradeNo())))
                .toList();
    }

    List<NotificationEntry> unmatchedNotifications() {
        return RemoteCalls.call(SERVICE, "unmatched notifications", payOps::unmatchedNotifications);
    }

    LiveView live() {
        return RemoteCalls.call(SERVICE, "the live view", () -> payOps.live(LIVE_MINUTES));
    }
}
