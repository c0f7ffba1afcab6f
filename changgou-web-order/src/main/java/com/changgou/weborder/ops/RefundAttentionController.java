package com.changgou.weborder.ops;

import com.changgou.order.api.ops.RefundAttention;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Refunds that wait for a person: a CHANGE the operator saw through by other means is approved; a
 * refund refused, closed or in CHANGE is asked for again as a new refund. Each with a reason;
 * post/redirect/get, the outcome in a flash.
 */
@Controller
class RefundAttentionController {

    static final String VIEW_REFUNDS = "ops/refunds";

    private final OrderOpsClient orders;
    private final OpsLinks links;
    private final FlashCookie flashes;

    RefundAttentionController(OrderOpsClient orders, OpsLinks links, FlashCookie flashes) {
        this.orders = orders;
        this.links = links;
        this.flashes = flashes;
    }

    @GetMapping("/ops/refunds")
    String refunds(Model model, HttpServletRequest request, HttpServletResponse response) {
        flashes.take(request, response).ifPresent(flash -> model.addAttribute("flash", flash));
        model.addAttribute("refunds", orders.refundsNeedingAttention());
        return VIEW_REFUNDS;
    }

    @PostMapping("/ops/refunds/{refundId}/approve")
    String approve(@PathVariable("refundId") String refundId,
            @RequestParam(name = "reason", required = false) String reason, HttpServletResponse response) {
        flashes.put(response, Flash.of(() -> approved(refundId, orders.approve(refundId, reason)),
                "Refund %s was not approved: ".formatted(refundId)));
        return links.redirect(links.refunds());
    }

    @PostMapping("/ops/refunds/{refundId}/retry")
    String retry(@PathVariable("refundId") String refundId,
            @RequestParam(name = "reason", required = false) String reason, HttpServletResponse response) {
        flashes.put(response, Flash.of(() -> retried(refundId, orders.retry(refundId, reason)),
                "Refund %s was not asked for again: ".formatted(refundId)));
        return links.redirect(links.refunds());
    }

    private static Flash approved(String refundId, RefundAttention after) {
        return Flash.done("Refund %s approved: now %s".formatted(refundId, after.state()));
    }

    private static Flash retried(String refundId, RefundAttention fresh) {
        return Flash.done("Refund %s asked for again as refund %s (%s)".formatted(refundId, fresh.refundId(), fresh.state()));
    }
}
