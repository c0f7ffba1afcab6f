package com.changgou.sandbox.web;

import com.changgou.sandbox.notify.Fault;
import com.changgou.sandbox.notify.Faults;
import com.changgou.sandbox.notify.Notifier;
import com.changgou.sandbox.refund.SandboxRefunds;
import com.changgou.sandbox.trade.SandboxOrders;
import com.changgou.sandbox.trade.SandboxOrder;
import java.time.Duration;
import java.util.List;
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
 * The JSON API for tests and people: scan and pay, faults, a hold on notifications, and what happened to an
 * order. Refunds have their own: {@link RefundSandboxApiController}.
 */
@RestController
@RequestMapping("/sandbox/api")
class SandboxApiController {

    /** The longest a hold may last: a benchmark that dies holding must not silence the sandbox for good. */
    static final int MAX_HOLD_SECONDS = 600;

    private final SandboxOrders orders;
    private final SandboxRefunds refunds;
    private final Faults faults;
    private final Notifier notifier;

    SandboxApiController(SandboxOrders orders, SandboxRefunds refunds, Faults faults, Notifier notifier) {
        this.orders = orders;
        this.refunds = refunds;
        this.faults = faults;
        this.notifier = notifier;
    }

    /**
     * For benchmarks: how many orders, how many paid, how many refunds, and how many notification POSTs
     * (payments and refunds) are still to happen.
     */
    @GetMapping("/stats")
    Stats stats() {
        return new Stats(orders.count(), orders.paidCount(), refunds.count(), notifier.pending());
    }

    record Stats(int orders, int paid, int refunds, int pendingNotifications) {
    }

    /**
     * For benchmarks: no notification POST starts until {@code DELETE}, or until {@code seconds} have passed.
     * Payments go on being made meanwhile; their notifications wait, so that a run can time the merchant from
     * the first notification on, as a plain program's run does (changgou-bench's floor). Both answer how many
     * POSTs go out at once when released, so that the plain program can run as many at once.
     */
    @PostMapping("/notifications/hold")
    Hold hold(@RequestParam(defaultValue = "60") int seconds) {
        if (seconds < 1 || seconds > MAX_HOLD_SECONDS) {
            throw new IllegalArgumentException("seconds must be 1 to %d, not %d".formatted(MAX_HOLD_SECONDS, seconds));
        }
        notifier.hold(Duration.ofSeconds(seconds));
        return holdState();
    }

    @DeleteMapping("/notifications/hold")
    Hold release() {
        notifier.release();
        return holdState();
    }

    private Hold holdState() {
        return new Hold(notifier.held(), notifier.pending(), notifier.maxInFlight());
    }

    record Hold(boolean held, int pendingNotifications, int maxInFlight) {
    }

    @PostMapping("/scan")
    ScanResponse scan(@RequestBody ScanRequest request) {
        SandboxOrder order = orders.scan(request.codeUrl(), Outcomes.parse(request.outcome()));
        SandboxOrder.Snapshot now = order.snapshot();
        return new ScanResponse(order.outTradeNo(),
                now.payment() == null ? null : now.payment().transactionId(), now.state().name());
    }

    @PostMapping("/faults")
    @ResponseStatus(HttpStatus.CREATED)
    Fault addFault(@RequestBody Fault fault) {
        faults.set(fault);
        return fault;
    }

    @GetMapping("/faults")
    List<Fault> faults() {
        return faults.all();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/orders/{outTradeNo}")
    ResponseEntity<?> order(@PathVariable String outTradeNo) {
        return orders.byOutTradeNo(outTradeNo)
                .<ResponseEntity<?>>map(order -> ResponseEntity.ok(SandboxOrderView.of(order)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new ApiError("ORDERNOTEXIST", "no order %s".formatted(outTradeNo))));
    }
}
