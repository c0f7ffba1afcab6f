package com.changgou.pay.support;

import com.changgou.pay.wechat.CloseResult;
import com.changgou.pay.wechat.InvalidNotificationException;
import com.changgou.pay.wechat.PayNotification;
import com.changgou.pay.wechat.TradeQueryResult;
import com.changgou.pay.wechat.TradeState;
import com.changgou.pay.wechat.UnifiedOrderCommand;
import com.changgou.pay.wechat.UnifiedOrderResult;
import com.changgou.pay.wechat.WechatPayClient;
import com.changgou.pay.wechat.WechatPayProperties;
import com.changgou.pay.wechat.WechatUnavailableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * WeChat as the pay service's logic sees it, answering what each test scripts. It signs and
 * verifies nothing: the real protocol against the sandbox is tested by the wechat package and the
 * suite. A notification body is an opaque key to the {@link PayNotification} a test registered.
 */
public class ScriptedWechat extends WechatPayClient {

    public final List<UnifiedOrderCommand> unifiedOrders = new CopyOnWriteArrayList<>();
    public final List<String> queries = new CopyOnWriteArrayList<>();
    public final List<String> closes = new CopyOnWriteArrayList<>();
    private final Map<String, PayNotification> notifications = new ConcurrentHashMap<>();
    private final Map<String, TradeQueryResult> trades = new ConcurrentHashMap<>();
    private final Map<String, CloseResult> closeResults = new ConcurrentHashMap<>();
    private final Set<String> unreachableFor = ConcurrentHashMap.newKeySet();

    public ScriptedWechat() {
        super(new WechatPayProperties(URI.create("http://127.0.0.1:1"), "wxtest0000000000", "1900000009",
                "testkey0000000000000000000000000", null, "http://127.0.0.1:1/notify", null, null, null, null));
    }

    /** Registers a notification and returns the body that stands for it. */
    public byte[] notificationBody(PayNotification notification) {
        String body = "<xml><scripted>" + UUID.randomUUID() + "</scripted></xml>";
        notifications.put(body, notification);
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public void paidAtWechat(String outTradeNo, String transactionId, long totalFee) {
        trades.put(outTradeNo, new TradeQueryResult(TradeState.SUCCESS, outTradeNo, transactionId, totalFee,
                Instant.parse("2026-12-01T04:00:00Z"), "paid"));
    }

    public void tradeState(String outTradeNo, TradeState state) {
        trades.put(outTradeNo, new TradeQueryResult(state, outTradeNo, null, 0, null, state.name()));
    }

    public void closeAnswers(String outTradeNo, CloseResult result) {
        closeResults.put(outTradeNo, result);
    }

    /** Every call about this out_trade_no fails as if WeChat could not be reached. */
    public void unreachableFor(String outTradeNo) {
        unreachableFor.add(outTradeNo);
    }

    private void failIfUnreachable(String outTradeNo) {
        if (unreachableFor.contains(outTradeNo)) {
            throw new WechatUnavailableException("scripted: WeChat timed out for " + outTradeNo);
        }
    }

    @Override
    public UnifiedOrderResult unifiedOrder(UnifiedOrderCommand command) {
        unifiedOrders.add(command);
        failIfUnreachable(command.outTradeNo());
        return new UnifiedOrderResult("wx" + UUID.randomUUID().toString().replace("-", ""),
                "weixin://wxpay/bizpayurl?pr=" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public Optional<TradeQueryResult> queryOrder(String outTradeNo) {
        queries.add(outTradeNo);
        failIfUnreachable(outTradeNo);
        return Optional.of(trades.getOrDefault(outTradeNo,
                new TradeQueryResult(TradeState.NOTPAY, outTradeNo, null, 0, null, "not paid")));
    }

    @Override
    public CloseResult closeOrder(String outTradeNo) {
        closes.add(outTradeNo);
        failIfUnreachable(outTradeNo);
        return closeResults.getOrDefault(outTradeNo, CloseResult.CLOSED);
    }

    @Override
    public PayNotification parseNotification(byte[] body) {
        PayNotification notification = notifications.get(new String(body, StandardCharsets.UTF_8));
        if (notification == null) {
            throw new InvalidNotificationException("scripted: not a notification this test registered");
        }
        return notification;
    }

    @Override
    public String notificationReply(boolean success, String message) {
        return "<xml><return_code><![CDATA[%s]]></return_code><return_msg><![CDATA[%s]]></return_msg></xml>"
                .formatted(success ? "SUCCESS" : "FAIL", message);
    }
}
