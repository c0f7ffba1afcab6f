package com.changgou.weborder.ops;

import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.api.ops.DeadLetterView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Messages the order service could not apply: listed by state (OPEN first), each re-driven through
 * its consumer's own path or discarded, always with a reason. Post/redirect/get, the outcome in a flash.
 */
@Controller
class DeadLetterController {

    static final String VIEW_DEAD_LETTERS = "ops/dead-letters";

    private final OrderOpsClient orders;
    private final OpsLinks links;
    private final FlashCookie flashes;

    DeadLetterController(OrderOpsClient orders, OpsLinks links, FlashCookie flashes) {
        this.orders = orders;
        this.links = links;
        this.flashes = flashes;
    }

    @GetMapping("/ops/dead-letters")
    String deadLetters(@RequestParam(name = "state", defaultValue = "OPEN") DeadLetterState state, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        flashes.take(request, response).ifPresent(flash -> model.addAttribute("flash", flash));
        model.addAttribute("state", state);
        model.addAttribute("states", DeadLetterState.values());
        model.addAttribute("deadLetters", orders.deadLetters(state));
        return VIEW_DEAD_LETTERS;
    }

    @PostMapping("/ops/dead-letters/{id}/redrive")
    String redrive(@PathVariable("id") long id, @RequestParam(name = "reason", required = false) String reason,
            HttpServletResponse response) {
        flashes.put(response, Flash.of(() -> redriven(orders.redrive(id, reason)),
                "Dead letter %d was not re-driven: ".formatted(id)));
        return links.redirect(links.deadLetters());
    }

    @PostMapping("/ops/dead-letters/{id}/discard")
    String discard(@PathVariable("id") long id, @RequestParam(name = "reason", required = false) String reason,
            HttpServletResponse response) {
        flashes.put(response, Flash.of(() -> discarded(orders.discard(id, reason)),
                "Dead letter %d was not discarded: ".formatted(id)));
        return links.redirect(links.deadLetters());
    }

    /** A re-drive that was rejected again leaves the letter OPEN with the new reason: worth a second look. */
    private static Flash redriven(DeadLetterView after) {
        if (after.state() == DeadLetterState.REDRIVEN) {
            return Flash.done("Dead letter %d re-driven: applied".formatted(after.id()));
        }
        return Flash.warning("Dead letter %d still rejected: %s".formatted(after.id(), after.reason()));
    }

    private static Flash discarded(DeadLetterView after) {
        return Flash.done("Dead letter %d discarded".formatted(after.id()));
    }
}
