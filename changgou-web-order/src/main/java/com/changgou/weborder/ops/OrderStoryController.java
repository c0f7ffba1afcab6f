package com.changgou.weborder.ops;

import com.changgou.order.api.ops.OrderStory;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One order's whole story on one page: what the order service knows (the order, its log, the events
 * it published, its dead letters, what operators did) and then every pay record of it as the pay
 * service tells it. The order part stands alone when the pay service cannot answer.
 */
@Controller
class OrderStoryController {

    static final String VIEW_STORY = "ops/order";

    private final OrderOpsClient orders;
    private final PayOpsClient pay;

    OrderStoryController(OrderOpsClient orders, PayOpsClient pay) {
        this.orders = orders;
        this.pay = pay;
    }

    @GetMapping("/ops/orders/{orderId}")
    String story(@PathVariable("orderId") String orderId, Model model) {
        OrderStory story = orders.story(orderId);
        model.addAttribute("story", story);
        model.addAttribute("order", story.order());
        try {
            model.addAttribute("payRecords", pay.storiesOf(story.order().id()));
        } catch (OpsFailure failure) {
            model.addAttribute("payRecords", List.of());
            model.addAttribute("payError", failure.getMessage());
        }
        return VIEW_STORY;
    }
}
