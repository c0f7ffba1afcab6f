package com.changgou.sandbox.alipay.web;

import com.changgou.sandbox.alipay.cashier.Cashier;
import com.changgou.sandbox.alipay.notify.AlipayFault;
import com.changgou.sandbox.alipay.notify.AlipayFaults;
import com.changgou.sandbox.alipay.notify.AlipayNotifier;
import com.changgou.sandbox.alipay.protocol.AlipayKeys;
import com.changgou.sandbox.alipay.trade.AlipayRefusedException;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
import com.changgou.sandbox.alipay.trade.AlipayTrades;
import com.changgou.sandbox.alipay.trade.CashierOutcome;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Alipay test/operator API (JSON), beside WeChat's:
 * <ul>
 * <li>{@code POST /sandbox/api/alipay/pay} {@code {"outTradeNo","outcome":"PAY"|"FAIL"}}: what the buyer's phone
 * does in the cashier; answers {@code {"outTradeNo","tradeNo","tradeStatus","returnUrl"}} (returnUrl: where the
 * browser would go, signed; null for FAIL or without return_url). 404 TRADE_NOT_EXIST, 409 ACQ.TRADE_HAS_SUCCESS
 * / ACQ.TRADE_HAS_CLOSE, 400 bad outcome.</li>
 * <li>{@code GET /sandbox/api/alipay/trades/{outTradeNo}}: status, amounts (fen), refunds, call counts, every
 * notification attempt with the merchant's reply; 404 TRADE_NOT_EXIST.</li>
 * <li>{@code POST /sandbox/api/alipay/faults} {@code {"outTradeNo"|null,"mode":"DROP"|"DUPLICATE"|"DELAY",
 * "count":n,"delayMillis":ms}} (201), {@code GET} lists them, {@code DELETE} clears them all (204).</li>
 * <li>{@code GET /sandbox/api/alipay/stats}: {@code {"trades","paid","pendingNotifications"}}.</li>
 * </ul>
 * Every error body is {@code {"error","message"}}; while Alipay is off every endpoint answers 503 ALIPAY_OFF.
 */
@RestController
@RequestMapping("/sandbox/api/alipay")
class AlipaySandboxApiController {

    private final AlipayTrades trades;
    private final Cashier cashier;
    private final AlipayFaults faults;
    private final AlipayNotifier notifier;
    private final AlipayKeys keys;

    AlipaySandboxApiController(AlipayTrades trades, Cashier cashier, AlipayFaults faults, AlipayNotifier notifier,
                               AlipayKeys keys) {
        this.trades = trades;
        this.cashier = cashier;
        this.faults = faults;
        this.notifier = notifier;
        this.keys = keys;
    }

    record PayRequest(String outTradeNo, String outcome) {
    }

    record Paid(String outTradeNo, String tradeNo, String tradeStatus, URI returnUrl) {
    }

    record Stats(int trades, int paid, int pendingNotifications) {
    }

    @PostMapping("/pay")
    Paid pay(@RequestBody PayRequest request) {
        requireOn();
        CashierOutcome outcome = outcome(request.outcome());
        AlipayTrade trade = trades.byOutTradeNo(request.outTradeNo()).orElseThrow(() ->
                new AlipayRefusedException("ACQ.TRADE_NOT_EXIST", "no Alipay trade %s".formatted(request.outTradeNo())));
        URI back = cashier.act(trade, outcome).orElse(null);
        return new Paid(trade.outTradeNo(), trade.tradeNo(), trade.status().name(), back);
    }

    @GetMapping("/trades/{outTradeNo}")
    AlipayTradeView trade(@PathVariable String outTradeNo) {
        requireOn();
        return trades.byOutTradeNo(outTradeNo).map(AlipayTradeView::of).orElseThrow(() ->
                new AlipayRefusedException("ACQ.TRADE_NOT_EXIST", "no Alipay trade %s".formatted(outTradeNo)));
    }

    @PostMapping("/faults")
    @ResponseStatus(HttpStatus.CREATED)
    AlipayFault addFault(@RequestBody AlipayFault fault) {
        requireOn();
        faults.set(fault);
        return fault;
    }

    @GetMapping("/faults")
    List<AlipayFault> faults() {
        requireOn();
        return faults.all();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        requireOn();
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/stats")
    Stats stats() {
        requireOn();
        return new Stats(trades.count(), trades.paidCount(), notifier.pending());
    }

    private void requireOn() {
        if (!keys.on()) {
            throw new AlipayOffException();
        }
    }

    private static CashierOutcome outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return CashierOutcome.PAY;
        }
        try {
            return CashierOutcome.valueOf(outcome.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome must be PAY or FAIL, not %s".formatted(outcome));
        }
    }

    static final class AlipayOffException extends RuntimeException {

        AlipayOffException() {
            super(AlipayKeys.OFF);
        }
    }
}
