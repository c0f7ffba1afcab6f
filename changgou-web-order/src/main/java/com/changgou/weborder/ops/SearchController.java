package com.changgou.weborder.ops;

import com.changgou.pay.api.ops.NotificationEntry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The console's front page: find pay records by order id, transaction id or time, and see the
 * notifications refused lately that named no pay record (forgeries, garbage). A match is listed even
 * when it is the only one: the operator picks the story to open.
 */
@Controller
class SearchController {

    static final String VIEW_SEARCH = "ops/search";
    /** The front page shows the latest few; the pay service keeps more. */
    static final int UNMATCHED_SHOWN = 20;

    private final PayOpsClient pay;
    private final OpsFormat format = OpsFormat.ofServer();

    SearchController(PayOpsClient pay) {
        this.pay = pay;
    }

    @GetMapping("/ops")
    String home(Model model) {
        model.addAttribute("search", PaymentSearch.EMPTY);
        try {
            List<NotificationEntry> unmatched = pay.unmatchedNotifications();
            model.addAttribute("unmatched", unmatched.stream().limit(UNMATCHED_SHOWN).toList());
        } catch (OpsFailure failure) {
            // the search still works without them: say so where they would be
            model.addAttribute("unmatchedError", failure.getMessage());
        }
        return VIEW_SEARCH;
    }

    @GetMapping("/ops/payments")
    String payments(@ModelAttribute("search") PaymentSearch search, Model model, HttpServletResponse response) {
        PaymentSearch.Criteria criteria;
        try {
            criteria = search.criteria(format.zone());
        } catch (OpsFailure unusable) {
            response.setStatus(unusable.status().value());
            model.addAttribute("error", unusable.getMessage());
            return VIEW_SEARCH;
        }
        model.addAttribute("payments", pay.find(criteria));
        return VIEW_SEARCH;
    }
}
