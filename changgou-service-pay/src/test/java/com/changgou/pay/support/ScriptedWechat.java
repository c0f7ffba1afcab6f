package com.changgou.pay.support;

import com.changgou.pay.api.RefundState;
import com.changgou.pay.wechat.CloseResult;
import com.changgou.pay.wechat.RefundApplication;
import com.changgou.pay.wechat.RefundApplyAnswer;
import com.changgou.pay.wechat.RefundQueryResult;
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
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

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
    private final Map<String, String> forgeries = new ConcurrentHashMap<>();
    private final Map<String, TradeQueryResult> trades = new ConcurrentHashMap<>();
    private final Map<String, CloseResult> closeResults = new ConcurrentHashMap<>();
    private final Set<String> unreachableFor = ConcurrentHashMap.newKeySet();

    public ScriptedWechat() {
        super(new WechatPayProperties(URI.create("http://127.0.0.1:1"), "wxtest0000000000", "1900000009",
                "testkey0000000000000000000000000", null, "http://127.0.0.1:1/notify", null, null, null, null,
                null, null, null, "http://127.0.0.1:1/refund-notify"));
    }

    // ---- refunds: WeChat's side keeps one refund per out_refund_no, however often it is asked ----

    public final List<RefundApplication> refundAsks = new CopyOnWriteArrayList<>();
    public final List<String> refundQueries = new CopyOnWriteArrayList<>();
    /** The refunds WeChat made, by out_refund_no. */
    public final Map<String, RefundApplication> refundsMade = new ConcurrentHashMap<>();
    private final Map<String, String> refundIds = new ConcurrentHashMap<>();
    private final Map<String, RefundState> refundStates = new ConcurrentHashMap<>();
    private final Map<String, Deque<RefundApplyAnswer>> refundAnswers = new ConcurrentHashMap<>();
    private final Set<String> answerLostOnce = ConcurrentHashMap.newKeySet();
    private final AtomicLong refundIdSequence = new AtomicLong(50300000000L);
    /** How long an ask takes at WeChat: lets concurrency tests overlap. */
    public volatile Duration refundLatency = Duration.ZERO;

    /** These answers to the next asks of this refund, in turn; after them WeChat accepts it. */
    public void refundAnswers(String outRefundNo, RefundApplyAnswer... answers) {
        refundAnswers.computeIfAbsent(outRefundNo, no -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    /** WeChat makes the refund at the next ask, but its answer never reaches us (a timeout, a crash). */
    public void answerLostOnce(String outRefundNo) {
        answerLostOnce.add(outRefundNo);
    }

    /** What refundquery reports for a refund WeChat made. */
    public void refundState(String outRefundNo, RefundState state) {
        refundStates.put(outRefundNo, state);
    }

    public String refundIdOf(String outRefundNo) {
        return refundIds.get(outRefundNo);
    }

    public long asksFor(String outRefundNo) {
        return refundAsks.stream().filter(a -> a.outRefundNo().equals(outRefundNo)).count();
    }

    @Override
    public RefundApplyAnswer applyRefund(RefundApplication refund) {
        refundAsks.add(refund);
        try {
            Thread.sleep(refundLatency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RefundApplyAnswer scripted = refundAnswers.getOrDefault(refund.outRefundNo(), new ConcurrentLinkedDeque<>()).poll();
        if (scripted != null) {
            return scripted;
        }
        refundsMade.putIfAbsent(refund.outRefundNo(), refund);
        String refundId = refundIds.computeIfAbsent(refund.outRefundNo(), no -> Long.toString(refundIdSequence.incrementAndGet()));
        refundStates.putIfAbsent(refund.outRefundNo(), RefundState.PROCESSING);
        if (answerLostOnce.remove(refund.outRefundNo())) {
            return RefundApplyAnswer.retryLater(RefundApplyAnswer.Trouble.UNREACHABLE, null, "scripted: read timed out");
        }
        return RefundApplyAnswer.accepted(refundId);
    }

    @Override
    public Optional<RefundQueryResult> queryRefund(String outRefundNo, String outTradeNo) {
        refundQueries.add(outRefundNo);
        failIfUnreachable(outTradeNo);
        RefundApplication made = refundsMade.get(outRefundNo);
        if (made == null) {
            return Optional.empty();
        }
        RefundState state = refundStates.get(outRefundNo);
        return Optional.of(new RefundQueryResult(outRefundNo, made.outTradeNo(), made.transactionId(),
                refundIds.get(outRefundNo), made.totalFee(), made.refundFee(), state,
                state == RefundState.SUCCESS ? Instant.parse("2026-12-01T05:00:00Z") : null));
    }

    /**
     * A body whose signature does not verify, naming {@code outTradeNo}: parsing it fails as the real
     * client fails a forgery (bad signature, the out_trade_no it claimed).
     */
    public byte[] forgedBody(String outTradeNo) {
        String body = "<xml><forged>" + UUID.randomUUID() + "</forged></xml>";
        forgeries.put(body, outTradeNo);
        return body.getBytes(StandardCharsets.UTF_8);
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
        String text = new String(body, StandardCharsets.UTF_8);
        if (forgeries.containsKey(text)) {
            throw new InvalidNotificationException(InvalidNotificationException.Problem.BAD_SIGNATURE,
                    forgeries.get(text), "wrong HMAC-SHA256 sign");
        }
        PayNotification notification = notifications.get(text);
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
