package com.changgou.sandbox.web;

import com.changgou.sandbox.trade.SandboxOrders;
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

    private final SandboxOrders orders;

    PhoneController(SandboxOrders orders) {
        this.orders = orders;
    }

    @GetMapping("/phone")
    String show(@RequestParam(name = "code_url", required = false) String codeUrl,
                @RequestParam(required = false) String result, Model model) {
        model.addAttribute("codeUrl", codeUrl);
        model.addAttribute("message", message(result));
        orders.byCodeUrl(codeUrl).map(SandboxOrderView::of).ifPresentOrElse(
                order -> model.addAttribute("order", order),
                () -> model.addAttribute("problem", "No order has this code_url."));
        return VIEW;
    }

    @PostMapping("/phone/pay")
    String pay(@RequestParam("code_url") String codeUrl, @RequestParam String outcome, RedirectAttributes redirect) {
        try {
            redirect.addAttribute("result", orders.scan(codeUrl, Outcomes.parse(outcome)).state().name());
        } catch (ScanRefusedException e) {
            redirect.addAttribute("result", e.reason().name());
        }
        redirect.addAttribute("code_url", codeUrl);
        return "redirect:/phone";
    }

    /** A fixed sentence per result code, so a crafted link cannot make the page say anything else. */
    private static String message(String result) {
        if (result == null) {
            return null;
        }
        return switch (result) {
            case "SUCCESS" -> "Paid. The merchant is being notified.";
            case "PAYERROR" -> "The bank refused the payment.";
            case "USERPAYING" -> "Waiting for the password.";
            case "EXPIRED" -> "This code has expired.";
            case "ALREADY_PAID" -> "This order is already paid.";
            case "CLOSED" -> "This order is closed.";
            case "UNKNOWN_CODE_URL" -> "No order has this code_url.";
            default -> null;
        };
    }
}
