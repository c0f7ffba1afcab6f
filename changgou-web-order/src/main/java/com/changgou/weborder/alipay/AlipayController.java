package com.changgou.weborder.alipay;

import com.changgou.common.Money;
import com.changgou.order.api.OrderStatus;
import com.changgou.order.api.OrderView;
import com.changgou.pay.api.AlipayPayment;
import com.changgou.security.Shopper;
import com.changgou.weborder.WebOrderProperties;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.web.Links;
import com.changgou.weborder.wxpay.Checkout;
import com.changgou.weborder.wxpay.PayWait;
import com.changgou.weborder.wxpay.QrCodes;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The Alipay page. The pay service keeps the order's Alipay payment and serves the merchant's own page
 * for it ({@link Links#alipayGo}), which hands the shopper over to Alipay; Alipay sends them back to the
 * success page. A PC shows that page's address as a QR code for the shopper's phone, with the live
 * status of the wxpay page; a phone cannot scan its own screen, so it goes straight there.
 */
@Controller
class AlipayController {

    static final String VIEW_ALIPAY = "alipay";

    /** What a phone's browser says of itself; a tablet saying "Mobile" is served as a phone too. */
    private static final List<String> PHONES = List.of("Mobile", "Android", "iPhone");

    private final OrderServiceClient orderService;
    private final Checkout checkout;
    private final QrCodes qrCodes;
    private final Links links;
    private final WebOrderProperties properties;

    AlipayController(OrderServiceClient orderService, Checkout checkout, QrCodes qrCodes, Links links,
            WebOrderProperties properties) {
        this.orderService = orderService;
        this.checkout = checkout;
        this.qrCodes = qrCodes;
        this.links = links;
        this.properties = properties;
    }

    @GetMapping("/wxpay/alipay")
    ModelAndView alipay(@Shopper String username, @RequestParam("orderId") String orderId,
            @RequestParam(name = "direct", defaultValue = "false") boolean direct,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        OrderView order = orderService.mine(username, orderId);
        if (order.status() == OrderStatus.PAID) {
            return new ModelAndView(links.redirect(links.paySuccess(order.id())));
        }
        AlipayPayment payment = checkout.alipay(username, order);
        String goUrl = links.alipayGo(payment.token());
        if (direct || isPhone(userAgent)) {
            return seeOther(goUrl);
        }
        return new ModelAndView(VIEW_ALIPAY, "page", new AlipayPage(order.id(), Money.yuan(payment.totalFee()),
                qrCodes.dataUri(goUrl), goUrl, PayWait.of(order, payment.token(), payment.expireAt(), links, properties)));
    }

    static boolean isPhone(String userAgent) {
        return userAgent != null && PHONES.stream().anyMatch(userAgent::contains);
    }

    /** 303: the browser GETs the merchant's page, whatever brought it here. */
    private static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }
}
