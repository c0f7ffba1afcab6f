package com.changgou.weborder.points;

import com.changgou.common.Money;
import com.changgou.common.Result;
import com.changgou.security.Shopper;
import com.changgou.weborder.failure.ShopFailure;
import com.changgou.weborder.order.OrderServiceClient;
import com.changgou.weborder.web.Links;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The shopper's points: the account page (balance and history), and the small JSON the paysuccess page
 * polls until an order's points are in. The user service answers for the shopper the forwarded token
 * names only, so another shopper's order looks like one with no points yet.
 */
@Controller
class PointsPageController {

    static final String VIEW_ACCOUNT = "account";
    static final String NOT_YET = "No points for this order yet.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final UserServiceClient userService;
    private final Links links;

    PointsPageController(UserServiceClient userService, Links links) {
        this.userService = userService;
        this.links = links;
    }

    /** One line of the history, as the page shows it. */
    record Row(String orderId, String orderLink, String kind, String kindText, String points, String amountYuan,
            String time) {
    }

    @GetMapping("/worder/account")
    String account(@Shopper String username, Model model) {
        PointsAccount account = userService.account();
        model.addAttribute("username", username);
        model.addAttribute("balance", account.balance());
        model.addAttribute("rows", account.entries().stream().map(this::row).toList());
        return VIEW_ACCOUNT;
    }

    @GetMapping(value = "/worder/order/{id}/points", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Result<EarnedPoints>> orderPoints(@PathVariable("id") String orderId) {
        try {
            OrderServiceClient.requireWellFormed(orderId);
            OptionalLong earned = userService.earnedBy(orderId);
            if (earned.isEmpty()) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore())
                        .body(Result.error(HttpStatus.NOT_FOUND.value(), NOT_YET));
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(Result.ok(EarnedPoints.of(orderId, earned.getAsLong())));
        } catch (ShopFailure failure) {
            return ResponseEntity.status(failure.failure().status()).cacheControl(CacheControl.noStore())
                    .body(Result.error(failure.failure().status().value(), failure.failure().reason()));
        }
    }

    private Row row(PointsAccount.Entry entry) {
        String sign = entry.kind() == PointsKind.EARNED ? "+" : "\u2212";
        return new Row(entry.orderId(), links.order(entry.orderId()), entry.kind().name(), entry.kind().text(),
                sign + entry.points(), Money.yuan(entry.amountFen()), TIME.format(entry.time()));
    }
}
