package com.changgou.sandbox.web;

import com.changgou.sandbox.notify.RefundNotifier;
import com.changgou.sandbox.notify.UnknownRefund;
import com.changgou.sandbox.refund.RefundCalls;
import com.changgou.sandbox.refund.RefundFault;
import com.changgou.sandbox.refund.RefundFaults;
import com.changgou.sandbox.refund.SandboxRefund;
import com.changgou.sandbox.refund.SandboxRefunds;
import com.changgou.sandbox.trade.Ids;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API for refunds, for tests and people (errors are {@code {"error","message"}}):
 * <ul>
 * <li>{@code GET /sandbox/api/refunds[?outTradeNo=…]}: the newest refunds (or one trade's, oldest first).</li>
 * <li>{@code GET /sandbox/api/refunds/{outRefundNo}}: one refund: status, amounts in fen, times, faults,
 *     {@code refundRequests}/{@code refundQueries} and each notification attempt; 404 REFUNDNOTEXIST.</li>
 * <li>{@code GET /sandbox/api/refund-calls/{outRefundNo}}: {@code {"outRefundNo","refundRequests","refundQueries"}},
 *     also for an out_refund_no that never became a refund (every request refused by a fault).</li>
 * <li>{@code POST /sandbox/api/refund-faults} {@code {"outRefundNo": "…" or null, "mode": "…", "count": N,
 *     "delayMillis": ms}} (201), {@code GET} lists them, {@code DELETE} clears them all (204). Modes:
 *     NOTENOUGH and SYSTEMERROR (the next {@code count} refund requests answer that err_code),
 *     REFUNDCLOSE and CHANGE (the next {@code count} refunds end so), DROP (the first {@code count} attempts of
 *     each notification are lost; no count: never sent), DUPLICATE ({@code count} copies, default 2), DELAY
 *     (the first attempt waits {@code delayMillis}). No count means "until cleared".</li>
 * <li>{@code POST /sandbox/api/refund-notifications/unknown} {@code {"notifyUrl": "…", "outRefundNo": optional,
 *     "outTradeNo": optional, "totalFee": optional, "refundFee": optional}}: POSTs once a correctly encrypted
 *     SUCCESS notification of a made-up refund; answers the ids used and the merchant's reply.</li>
 * </ul>
 */
@RestController
@RequestMapping("/sandbox/api")
class RefundSandboxApiController {

    private final SandboxRefunds refunds;
    private final RefundCalls calls;
    private final RefundFaults faults;
    private final RefundNotifier notifier;
    private final Ids ids;
    private final Clock clock;

    RefundSandboxApiController(SandboxRefunds refunds, RefundCalls calls, RefundFaults faults,
                               RefundNotifier notifier, Ids ids, Clock clock) {
        this.refunds = refunds;
        this.calls = calls;
        this.faults = faults;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
    }

    @GetMapping("/refunds")
    List<SandboxRefundView> refunds(@RequestParam(required = false) String outTradeNo) {
        List<SandboxRefund> found = outTradeNo == null ? refunds.recent() : refunds.ofTrade(outTradeNo);
        return found.stream().map(this::view).toList();
    }

    @GetMapping("/refunds/{outRefundNo}")
    ResponseEntity<?> refund(@PathVariable String outRefundNo) {
        return refunds.byOutRefundNo(outRefundNo)
                .<ResponseEntity<?>>map(refund -> ResponseEntity.ok(view(refund)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new ApiError("REFUNDNOTEXIST", "no refund %s".formatted(outRefundNo))));
    }

    record CallCounts(String outRefundNo, int refundRequests, int refundQueries) {
    }

    @GetMapping("/refund-calls/{outRefundNo}")
    CallCounts refundCalls(@PathVariable String outRefundNo) {
        RefundCalls.Counts counts = calls.of(outRefundNo);
        return new CallCounts(outRefundNo, counts.refundRequests(), counts.refundQueries());
    }

    @PostMapping("/refund-faults")
    @ResponseStatus(HttpStatus.CREATED)
    RefundFault addFault(@RequestBody RefundFault fault) {
        faults.set(fault);
        return fault;
    }

    @GetMapping("/refund-faults")
    List<RefundFault> faults() {
        return faults.all();
    }

    @DeleteMapping("/refund-faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/refund-notifications/unknown")
    CompletableFuture<UnknownRefundSent> notifyUnknown(@RequestBody UnknownRefundRequest request) {
        String url = httpUrl(request.notifyUrl());
        Instant now = clock.instant();
        long totalFee = positive(request.totalFee(), "totalFee");
        long refundFee = positive(request.refundFee(), "refundFee");
        UnknownRefund made = new UnknownRefund(
                orMadeUp(request.outRefundNo(), "RUNKNOWN"), orMadeUp(request.outTradeNo(), "TUNKNOWN"),
                ids.transactionId(now), ids.refundId(now), totalFee, Math.min(refundFee, totalFee), now);
        return notifier.notifyUnknown(url, made).thenApply(attempt -> new UnknownRefundSent(made.outRefundNo(),
                made.outTradeNo(), made.transactionId(), made.refundId(), attempt));
    }

    private SandboxRefundView view(SandboxRefund refund) {
        return SandboxRefundView.of(refund, calls.of(refund.outRefundNo()));
    }

    private String orMadeUp(String given, String prefix) {
        return given == null || given.isBlank() ? ids.reference(prefix) : given;
    }

    private static long positive(Long fee, String name) {
        if (fee != null && fee < 1) {
            throw new IllegalArgumentException("%s must be at least 1 fen".formatted(name));
        }
        return fee == null ? 1 : fee;
    }

    private static String httpUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("notifyUrl is required");
        }
        URI uri = URI.create(text);
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("notifyUrl must be an absolute http(s) URL, not %s".formatted(text));
        }
        return text;
    }
}
