package com.changgou.weborder.wxpay;

import com.changgou.common.Money;
import com.changgou.common.Result;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.pay.api.NativePayment;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.PaymentStatus;
import com.changgou.security.Shopper;
import com.changgou.weborder.WebOrderProperties;
import com.changgou.weborder.failure.Failure;
import com.changgou.weborder.failure.ShopFailure;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.points.UserServiceClient;
import com.changgou.weborder.web.Links;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriUtils;

/**
 * The WeChat Native pay page, its QR image, the polling fallback of every pay page and the success page (with
 * the order's points), where both WeChat's and Alipay's payments end.
 */
@Controller
class WxPayController {

    static final String VIEW_WXPAY = "wxpay";
    static final String VIEW_PAYSUCCESS = "paysuccess";

    private final OrderServiceClient orderService;
    private final PayServiceClient payService;
    private final Checkout checkout;
    private final QrCodes qrCodes;
    private final Links links;
    private final UserServiceClient userService;
    private final WebOrderProperties properties;

    WxPayController(OrderServiceClient orderService, PayServiceClient payService, Checkout checkout,
                    UserServiceClient userService, QrCodes qrCodes, Links links, WebOrderProperties properties) {
        this.orderService = orderService;
        this.payService = payService;
        this.checkout = checkout;
        this.userService = userService;
        this.qrCodes = qrCodes;
        this.links = links;
        this.properties = properties;
    }

    @GetMapping("/wxpay")
    String wxpay(@Shopper String username, @RequestParam("orderId") String orderId, Model model) {
        OrderView order = orderService.mine(username, orderId);
        if (order.status() == OrderStatus.PAID) {
            return links.redirect(links.paySuccess(order.id()));
        }
        NativePayment payment = checkout.wechat(username, order);
        model.addAttribute("page", page(order, payment));
        return VIEW_WXPAY;
    }

    @GetMapping(value = "/wxpay/qr", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@Shopper String username, @RequestParam("orderId") String orderId) {
        OrderView order = orderService.mine(username, orderId);
        NativePayment payment = checkout.wechat(username, order);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(qrCodes.png(payment.codeUrl()));
    }

    @GetMapping(value = "/wxpay/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Result<PaymentStatus>> status(@RequestParam("orderId") String orderId) {
        try {
            OrderServiceClient.requireWellFormed(orderId);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Result.ok(payService.status(orderId)));
        } catch (ShopFailure failure) {
            return ResponseEntity.status(failure.failure().status())
                    .body(Result.error(failure.failure().status().value(), failure.failure().reason()));
        } catch (PayServiceClient.PaymentConflict conflict) {
            return ResponseEntity.status(409).body(Result.error(409, Failure.CLOSED.reason()));
        }
    }

    @GetMapping("/wxpay/paysuccess")
    String paySuccess(@Shopper String username, @RequestParam("orderId") String orderId,
                      Model model) {
        OrderView order = orderService.mine(username, orderId);
        if (order.status() == OrderStatus.CLOSED) {
            throw new ShopFailure(Failure.CLOSED, orderId, "closed order on the success page");
        }
        if (order.status() != OrderStatus.PAID && !paidPerPayService(orderId)) {
            throw new ShopFailure(Failure.NOT_PAID, orderId, "unpaid order on the success page");
        }
        model.addAttribute("order", order);
        model.addAttribute("amount", Money.yuan(order.payMoneyFen()));
        // the points arrive over the broker a moment after the payment: shown if in, else the page polls
        model.addAttribute("points", userService.earnedIfKnown(order.id()).orElse(null));
        model.addAttribute("pointsUrl", links.orderPoints(order.id()));
        return VIEW_PAYSUCCESS;
    }

    /**
     * The pay service broadcasts SUCCESS as soon as WeChat's (or Alipay's) notification is in, while the
     * order service learns of it a moment later over the broker: a page that jumps on the broadcast,
     * or Alipay's return to this page, must not find the order "not paid yet". If the pay service
     * cannot tell, the order decides. Only the services are asked: nothing in the URL but the order id
     * is read (Alipay's return adds its own parameters, signed or not, and they are ignored).
     */
    private boolean paidPerPayService(String orderId) {
        try {
            return payService.status(orderId).state() == PayState.SUCCESS;
        } catch (ShopFailure | PayServiceClient.PaymentConflict unknown) {
            return false;
        }
    }

    private WxPayPage page(OrderView order, NativePayment payment) {
        String phoneUrl = properties.sandboxPublicUrl() + "/phone?code_url="
                + UriUtils.encode(payment.codeUrl(), StandardCharsets.UTF_8);
        return new WxPayPage(order.id(), Money.yuan(order.payMoneyFen()), links.qr(order.id()), phoneUrl,
                PayWait.of(order, payment.token(), payment.expireAt(), links, properties));
    }
}
