package com.changgou.sandbox.web;

import com.changgou.sandbox.notify.Faults;
import com.changgou.sandbox.refund.RefundCalls;
import com.changgou.sandbox.refund.RefundFaults;
import com.changgou.sandbox.refund.SandboxRefunds;
import com.changgou.sandbox.trade.SandboxOrders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sandbox's home page: the latest orders and refunds with their notifications, newest first. */
@Controller
class ConsoleController {

    private final SandboxOrders orders;
    private final Faults faults;
    private final SandboxRefunds refunds;
    private final RefundCalls refundCalls;
    private final RefundFaults refundFaults;

    ConsoleController(SandboxOrders orders, Faults faults, SandboxRefunds refunds, RefundCalls refundCalls,
                      RefundFaults refundFaults) {
        this.orders = orders;
        this.faults = faults;
        this.refunds = refunds;
        this.refundCalls = refundCalls;
        this.refundFaults = refundFaults;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("orders", orders.recent().stream().map(SandboxOrderView::of).toList());
        model.addAttribute("faults", faults.all());
        model.addAttribute("refunds", refunds.recent().stream()
                .map(refund -> SandboxRefundView.of(refund, refundCalls.of(refund.outRefundNo()))).toList());
        model.addAttribute("refundFaults", refundFaults.all());
        return "console";
    }
}
