package com.changgou.sandbox.web;

import com.changgou.sandbox.notify.Faults;
import com.changgou.sandbox.trade.SandboxOrders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sandbox's home page: the latest orders and their notifications, newest first. */
@Controller
class ConsoleController {

    private final SandboxOrders orders;
    private final Faults faults;

    ConsoleController(SandboxOrders orders, Faults faults) {
        this.orders = orders;
        this.faults = faults;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("orders", orders.recent().stream().map(SandboxOrderView::of).toList());
        model.addAttribute("faults", faults.all());
        return "console";
    }
}
