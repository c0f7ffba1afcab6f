package com.changgou.weborder.order;

import com.changgou.common.Money;
import com.changgou.common.Result;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.security.Shopper;
import com.changgou.weborder.WebOrderProperties;
import com.changgou.weborder.failure.ShopFailure;
import com.changgou.weborder.web.Links;
import com.changgou.weborder.web.StompSettings;
import com.changgou.weborder.wxpay.PayServiceClient;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The order page: its status and refunds, kept current by the payment's push (and a poll when the
 * push cannot be had), and the shopper's "cancel and refund" (post/redirect/get).
 */
@Controller
class OrderPageController {

    static final String VIEW_ORDER = "order";

    private final OrderServiceClient orderService;
    private final PayServiceClient payService;
    private final Links links;
    private final WebOrderProperties properties;

    OrderPageController(OrderServiceClient orderService, PayServiceClient payService, Links links,
            WebOrderProperties properties) {
        this.orderService = orderService;
        this.payService = payService;
        this.links = links;
        this.properties = properties;
    }

    /** What the page's script needs; the token stays inside the script, as on the wxpay page. */
    record OrderPage(String orderId, String token, String stateUrl, StompSettings stomp) {
    }

    @GetMapping("/worder/order/{id}")
    String order(@Shopper String username, @PathVariable("id") String orderId, Model model) {
        OrderView order = orderService.mine(username, orderId);
        if (order.status() == OrderStatus.UNPAID) {
            return links.redirect(links.pay(order.id()));
        }
        model.addAttribute("order", order);
        model.addAttribute("amount", Money.yuan(order.payMoneyFen()));
        model.addAttribute("state", OrderState.of(order));
        model.addAttribute("page", new OrderPage(order.id(), tokenOf(order.id()), links.orderState(order.id()),
                StompSettings.of(properties, links)));
        return VIEW_ORDER;
    }

    @PostMapping("/worder/order/{id}/cancel")
    String cancel(@Shopper String username, @PathVariable("id") String orderId) {
        orderService.mine(username, orderId);
        orderService.cancel(orderId);
        return links.redirect(links.order(orderId));
    }

    @GetMapping(value = "/worder/order/{id}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Result<OrderState>> state(@Shopper String username, @PathVariable("id") String orderId) {
        try {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(Result.ok(OrderState.of(orderService.mine(username, orderId))));
        } catch (ShopFailure failure) {
            return ResponseEntity.status(failure.failure().status())
                    .body(Result.error(failure.failure().status().value(), failure.failure().reason()));
        }
    }

    /**
     * The payment's opaque token, which the push carries when a refund of it finishes; without it (the pay
     * service cannot tell now) the page polls instead.
     */
    private String tokenOf(String orderId) {
        try {
            return payService.status(orderId).token();
        } catch (ShopFailure | PayServiceClient.PaymentConflict unknown) {
            return null;
        }
    }
}
