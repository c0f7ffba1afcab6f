package com.changgou.sandbox.alipay.cashier;

import com.changgou.sandbox.alipay.AlipayProperties;
import com.changgou.sandbox.alipay.gateway.GatewayCall;
import com.changgou.sandbox.alipay.protocol.AlipayKeys;
import com.changgou.sandbox.alipay.protocol.AlipayTime;
import com.changgou.sandbox.alipay.protocol.Yuan;
import com.changgou.sandbox.alipay.trade.AlipayRefusedException;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
import com.changgou.sandbox.alipay.trade.AlipayTrades;
import com.changgou.sandbox.alipay.trade.CashierOutcome;
import com.changgou.sandbox.alipay.trade.WapPayOrder;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The H5 cashier's logic: wap.pay opens (or reopens) a trade, the buyer pays or fails, and a paid trade sends the
 * browser to return_url with Alipay's signed synchronous parameters (signed like a notification: every
 * parameter but sign and sign_type).
 */
@Component
public class Cashier {

    static final String PRODUCT_CODE = "QUICK_WAP_WAY";
    private static final int MAX_OUT_TRADE_NO = 64;
    private static final int MAX_SUBJECT = 256;

    private final AlipayTrades trades;
    private final AlipayKeys keys;
    private final AlipayProperties properties;
    private final Clock clock;

    Cashier(AlipayTrades trades, AlipayKeys keys, AlipayProperties properties, Clock clock) {
        this.trades = trades;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    AlipayTrade open(GatewayCall call) {
        return trades.open(order(call));
    }

    /** The buyer's choice; PAY answers the return_url to go to (empty without one), FAIL answers empty. */
    public Optional<URI> act(AlipayTrade trade, CashierOutcome outcome) {
        trades.pay(trade, outcome);
        return outcome == CashierOutcome.PAY ? returnUrl(trade) : Optional.empty();
    }

    private Optional<URI> returnUrl(AlipayTrade trade) {
        String base = trade.order().returnUrl();
        if (base == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("charset", "utf-8");
        parameters.put("out_trade_no", trade.outTradeNo());
        parameters.put("method", "alipay.trade.wap.pay.return");
        parameters.put("total_amount", Yuan.of(trade.order().totalFen()));
        parameters.put("trade_no", trade.tradeNo());
        parameters.put("auth_app_id", properties.appId());
        parameters.put("version", "1.0");
        parameters.put("app_id", properties.appId());
        parameters.put("sign_type", "RSA2");
        parameters.put("seller_id", properties.sellerId());
        parameters.put("timestamp", AlipayTime.format(clock.instant()));
        String query = keys.signNotification(parameters).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Optional.of(URI.create(base + (base.contains("?") ? "&" : "?") + query));
    }

    private static WapPayOrder order(GatewayCall call) {
        String outTradeNo = call.requiredBiz("out_trade_no");
        if (outTradeNo.length() > MAX_OUT_TRADE_NO) {
            throw invalid("out_trade_no 超过 64 个字符");
        }
        String amount = call.requiredBiz("total_amount");
        long fen = Yuan.toFen(amount).orElseThrow(() -> invalid("total_amount %s 不是最多两位小数的元".formatted(amount)));
        if (fen < 1 || fen > Yuan.MAX_FEN) {
            throw invalid("total_amount 须在 [0.01, 100000000] 之内");
        }
        String subject = call.requiredBiz("subject");
        if (subject.length() > MAX_SUBJECT) {
            throw invalid("subject 超过 256 个字符");
        }
        if (!PRODUCT_CODE.equals(call.requiredBiz("product_code"))) {
            throw invalid("product_code 须为 " + PRODUCT_CODE);
        }
        Instant timeExpire = null;
        if (call.biz("time_expire") != null) {
            timeExpire = AlipayTime.parse(call.biz("time_expire"))
                    .orElseThrow(() -> invalid("time_expire 须为 yyyy-MM-dd HH:mm:ss"));
        }
        return new WapPayOrder(outTradeNo, fen, subject, timeExpire, url(call.biz("quit_url"), "quit_url"),
                url(call.parameter("notify_url"), "notify_url"), url(call.parameter("return_url"), "return_url"));
    }

    /** Only http(s) URLs: a javascript: return_url must not become a redirect. */
    private static String url(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw invalid("%s 不是 http(s) 地址".formatted(name));
    }

    private static AlipayRefusedException invalid(String why) {
        return new AlipayRefusedException("ACQ.INVALID_PARAMETER", "参数无效：" + why);
    }
}
