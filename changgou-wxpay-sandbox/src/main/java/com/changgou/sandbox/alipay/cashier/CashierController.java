package com.changgou.sandbox.alipay.cashier;

import com.changgou.sandbox.alipay.gateway.GatewayError;
import com.changgou.sandbox.alipay.gateway.GatewayException;
import com.changgou.sandbox.alipay.gateway.GatewayGate;
import com.changgou.sandbox.alipay.trade.AlipayRefusedException;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
import com.changgou.sandbox.alipay.trade.AlipayTrades;
import com.changgou.sandbox.alipay.trade.CashierOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The H5 cashier. A browser sends alipay.trade.wap.pay (form POST or GET) to the gateway and gets the cashier
 * page of that trade, or Alipay's error page (code, sub_code, sub_msg). The page's buttons post back here:
 * PAY goes to return_url (or back to the page without one), FAIL and CANCEL back to the page (CANCEL to
 * quit_url when given), always post/redirect/get.
 */
@Controller
class CashierController {

    private static final String CASHIER = "alipay-cashier";
    private static final String ERROR = "alipay-error";

    private final GatewayGate gate;
    private final Cashier cashier;
    private final AlipayTrades trades;

    CashierController(GatewayGate gate, Cashier cashier, AlipayTrades trades) {
        this.gate = gate;
        this.cashier = cashier;
        this.trades = trades;
    }

    @RequestMapping(path = "/alipay/gateway.do", method = {RequestMethod.GET, RequestMethod.POST},
            params = "method=alipay.trade.wap.pay")
    String wapPay(HttpServletRequest request, Model model) {
        try {
            AlipayTrade trade = cashier.open(gate.admit(request.getParameterMap()));
            return show(trade, null, model);
        } catch (GatewayException e) {
            return error(e.error(), model);
        } catch (AlipayRefusedException e) {
            return error(GatewayError.business(e.subCode(), e.subMsg()), model);
        }
    }

    @GetMapping("/alipay/cashier")
    String page(@RequestParam(required = false) String token, @RequestParam(required = false) String result,
                Model model) {
        return trades.byCashierToken(token).map(trade -> show(trade, message(result), model))
                .orElseGet(() -> error(GatewayError.business("ACQ.TRADE_NOT_EXIST", "交易不存在"), model));
    }

    @PostMapping("/alipay/cashier")
    ResponseEntity<Void> act(@RequestParam String token, @RequestParam String action) {
        Optional<AlipayTrade> found = trades.byCashierToken(token);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        AlipayTrade trade = found.get();
        String result;
        try {
            switch (action) {
                case "PAY" -> {
                    Optional<URI> back = cashier.act(trade, CashierOutcome.PAY);
                    if (back.isPresent()) {
                        return redirect(back.get());
                    }
                    result = "PAID";
                }
                case "FAIL" -> {
                    cashier.act(trade, CashierOutcome.FAIL);
                    result = "FAILED";
                }
                case "CANCEL" -> {
                    if (trade.order().quitUrl() != null) {
                        return redirect(URI.create(trade.order().quitUrl()));
                    }
                    result = "CANCELLED";
                }
                default -> result = null;
            }
        } catch (AlipayRefusedException e) {
            result = e.subCode();
        }
        return redirect(UriComponentsBuilder.fromPath("/alipay/cashier").queryParam("token", token)
                .queryParam("result", result).build().toUri());
    }

    private static ResponseEntity<Void> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }

    private static String show(AlipayTrade trade, String message, Model model) {
        model.addAttribute("trade", CashierView.of(trade));
        model.addAttribute("message", message);
        return CASHIER;
    }

    private static String error(GatewayError error, Model model) {
        model.addAttribute("error", error);
        return ERROR;
    }

    /** A fixed sentence per result, so a crafted link cannot make the cashier say anything else. */
    private static String message(String result) {
        if (result == null) {
            return null;
        }
        return switch (result) {
            case "PAID" -> "支付成功 · Paid. The merchant is being notified.";
            case "FAILED" -> "支付失败 · The payment failed; the trade still waits for payment.";
            case "CANCELLED" -> "已取消 · Payment cancelled.";
            case "ACQ.TRADE_HAS_SUCCESS" -> "交易已被支付 · This trade is already paid.";
            case "ACQ.TRADE_HAS_CLOSE" -> "交易已经关闭 · This trade is closed.";
            default -> null;
        };
    }
}
