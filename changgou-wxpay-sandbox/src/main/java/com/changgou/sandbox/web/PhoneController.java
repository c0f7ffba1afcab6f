package com.changgou.sandbox.web;

import com.changgou.sandbox.trade.Orders;
import com.changgou.sandbox.trade.ScanRefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "phone": what a shopper sees after scanning a code_url, with Pay and Fail buttons. */
@Controller
class PhoneController {

    private static final String VIEW = "phone";

    private final Orders orders;

    PhoneController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/phone")
    String show(@RequestParam(name = "code_url", required = false) String codeUrl, Model model) {
        model.addAttribute("codeUrl", codeUrl);
        orders.byCodeUrl(codeUrl).map(OrderView::of).ifPresentOrElse(
                order -> model.addAttribute("order", order),
                () -> model.addAttribute("problem", "No order has this code_url."));
        return VIEW;
    }

    @PostMapping("/phone/pay")
    String pay(@RequestParam("code_url") String codeUrl, @RequestParam String outcome, RedirectAttributes redirect) {
        try {
            orders.scan(codeUrl, Outcomes.parse(outcome));
            redirect.addFlashAttribute("message", "PAY".equals(outcome) ? "Paid." : "Payment failed.");
        } catch (ScanRefusedException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        redirect.addAttribute("code_url", codeUrl);
        return "redirect:/phone";
    }
}
