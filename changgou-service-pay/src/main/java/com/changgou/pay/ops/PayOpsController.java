package com.changgou.pay.ops;

import com.changgou.common.Result;
import com.changgou.pay.api.ops.LiveView;
import com.changgou.pay.api.ops.NotificationEntry;
import com.changgou.pay.api.ops.PayOpsFeign;
import com.changgou.pay.api.ops.PaymentStory;
import com.changgou.pay.api.ops.PaymentSummary;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server side of {@link PayOpsFeign}, under its {@link PayOpsFeign#PATH}: read only, for tokens with
 * the OPERATOR role (see {@code PaySecurity}).
 */
@RestController
@RequestMapping(PayOpsFeign.PATH)
class PayOpsController {

    private final PaymentStories stories;
    private final PayActivity activity;

    PayOpsController(PaymentStories stories, PayActivity activity) {
        this.stories = stories;
        this.activity = activity;
    }

    @GetMapping("/payments")
    Result<List<PaymentSummary>> find(
            @RequestParam(value = "orderId", required = false) String orderId,
            @RequestParam(value = "transactionId", required = false) String transactionId,
            @RequestParam(value = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(value = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return Result.ok(stories.find(PaymentCriteria.of(orderId, transactionId, from, to)));
    }

    @GetMapping("/payments/{outTradeNo}")
    Result<PaymentStory> story(@PathVariable("outTradeNo") String outTradeNo) {
        return Result.ok(stories.story(outTradeNo));
    }

    @GetMapping("/notifications/unmatched")
    Result<List<NotificationEntry>> unmatchedNotifications() {
        return Result.ok(activity.unmatchedNotifications());
    }

    @GetMapping("/live")
    Result<LiveView> live(@RequestParam(value = "minutes", defaultValue = "60") int minutes) {
        return Result.ok(activity.live(minutes));
    }
}
