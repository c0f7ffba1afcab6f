package com.changgou.pay.api.ops;

import com.changgou.common.InternalApi;
import com.changgou.common.Result;
import java.time.Instant;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the ops console reads from the pay service. Every call needs the OPERATOR role in the
 * gateway's token the caller forwards; a shopper's token gets 403. Read only: operators change
 * things through the order service (dead letters, refunds).
 */
@FeignClient(name = "changgou-service-pay", contextId = "payOpsFeign", path = PayOpsFeign.PATH)
public interface PayOpsFeign {

    String PATH = InternalApi.PREFIX + "/ops/pay";

    /** At most 100 records, newest first, matching every criterion given (at least one is required: 400 otherwise). */
    @GetMapping("/payments")
    Result<List<PaymentSummary>> find(
            @RequestParam(value = "orderId", required = false) String orderId,
            @RequestParam(value = "transactionId", required = false) String transactionId,
            @RequestParam(value = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(value = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to);

    /** One pay record's whole story; 404 for an unknown out_trade_no. */
    @GetMapping("/payments/{outTradeNo}")
    Result<PaymentStory> story(@PathVariable("outTradeNo") String outTradeNo);

    /** Notifications refused lately that named no known pay record (forgeries, garbage), newest first, at most 100. */
    @GetMapping("/notifications/unmatched")
    Result<List<NotificationEntry>> unmatchedNotifications();

    /** The last {@code minutes} minutes (1–180), one entry per minute. */
    @GetMapping("/live")
    Result<LiveView> live(@RequestParam(value = "minutes", defaultValue = "60") int minutes);
}
