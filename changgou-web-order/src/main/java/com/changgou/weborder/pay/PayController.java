package com.changgou.weborder.pay;

import com.changgou.common.Money;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.security.Shopper;
import com.changgou.weborder.failure.Failure;
import com.changgou.weborder.failure.ShopFailure;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.web.Links;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Choosing how to pay an unpaid order: WeChat Pay or Alipay. */
@Controller
class PayController {

    static final String VIEW_PAY = "pay";

    private final OrderServiceClient orderService;
    private final Links links;

    PayController(OrderServiceClient orderService, Links links) {
        this.orderService = orderService;
        this.links = links;
    }

    @GetMapping("/worder/pay")
    String pay(@Shopper String username, @RequestParam("orderId") String orderId, Model model) {
        OrderView order = orderService.mine(username, orderId);
        if (order.status() == OrderStatus.PAID) {
            return links.redirect(links.paySuccess(order.id()));
        }
        if (order.status() == OrderStatus.CLOSED) {
            throw new ShopFailure(Failure.CLOSED, orderId, "order is closed");
        }
        model.addAttribute("order", order);
        model.addAttribute("amount", Money.yuan(order.payMoneyFen()));
        return VIEW_PAY;
    }
}
