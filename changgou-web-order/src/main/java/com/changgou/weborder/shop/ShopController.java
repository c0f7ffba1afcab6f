package com.changgou.weborder.shop;

import com.changgou.common.Money;
import com.changgou.order.api.OrderItemRequest;
import com.changgou.order.api.OrderView;
import com.changgou.order.api.PlaceOrderRequest;
import com.changgou.security.Shopper;
import com.changgou.weborder.failure.Failure;
import com.changgou.weborder.failure.ShopFailure;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.web.Links;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The demo shop: pick quantities, place the order, go on to pay (post/redirect/get). */
@Controller
class ShopController {

    static final String VIEW_SHOP = "shop";

    private final CatalogueClient catalogue;
    private final OrderServiceClient orderService;
    private final Links links;

    ShopController(CatalogueClient catalogue, OrderServiceClient orderService, Links links) {
        this.catalogue = catalogue;
        this.orderService = orderService;
        this.links = links;
    }

    record Row(long skuId, String name, String priceYuan) {
    }

    @GetMapping("/worder/shop")
    String shop(@Shopper String username, Model model) {
        model.addAttribute("username", username);
        model.addAttribute("rows", catalogue.onSale().stream()
                .map(item -> new Row(item.skuId(), item.name(), Money.yuan(item.priceFen())))
                .toList());
        return VIEW_SHOP;
    }

    /** Sends only skus and quantities: the order service prices them and refuses what it does not sell. */
    @PostMapping("/worder/order")
    String place(@Shopper String username,
                 @RequestParam("sku") List<Long> skus,
                 @RequestParam("qty") List<Integer> quantities) {
        OrderView order = orderService.place(new PlaceOrderRequest(lines(skus, quantities)));
        return links.redirect(links.pay(order.id()));
    }

    /** The lines with a quantity: a row left at 0 is not ordered. */
    private static List<OrderItemRequest> lines(List<Long> skus, List<Integer> quantities) {
        if (skus.size() != quantities.size()) {
            throw badForm("sku and quantity lists differ in length");
        }
        List<OrderItemRequest> lines = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            int quantity = quantities.get(i) == null ? 0 : quantities.get(i);
            if (quantity < 0 || quantity > OrderItemRequest.MAX_QUANTITY || skus.get(i) == null) {
                throw badForm("quantity out of range or sku missing");
            }
            if (quantity > 0) {
                lines.add(new OrderItemRequest(skus.get(i), quantity));
            }
        }
        if (lines.isEmpty()) {
            throw badForm("nothing ordered");
        }
        return lines;
    }

    private static ShopFailure badForm(String why) {
        return new ShopFailure(Failure.BAD_ORDER_FORM, null, why);
    }
}
