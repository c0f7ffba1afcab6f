package com.changgou.pay.alipay;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The pay service's one door to Alipay's open platform (public-key mode, RSA2, JDK crypto only). Every
 * answer is signature-checked before one of its fields is read; the rest of the service sees only the
 * typed records of this package. Without keys it is off: every call throws
 * {@link AlipayNotConfiguredException}.
 */
public class AlipayClient {

    static final String WAP_PAY = "alipay.trade.wap.pay";
    static final String QUERY = "alipay.trade.query";
    static final String CLOSE = "alipay.trade.close";
    static final String REFUND = "alipay.trade.refund";
    static final String REFUND_QUERY = "alipay.trade.fastpay.refund.query";
    private static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";
    private static final String TRADE_STATUS_ERROR = "ACQ.TRADE_STATUS_ERROR";

    private final AlipayProperties properties;
    private final AlipayKeys keys;
    private final AlipayTransport transport;
    private final AlipayNotifications notifications;
    private final Clock clock;

    public AlipayClient(AlipayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.keys = properties.configured() ? AlipayKeys.load(properties) : null;
        this.transport = new AlipayTransport(properties);
        this.notifications = keys == null ? null : new AlipayNotifications(properties, keys.alipayPublic());
    }

    public boolean configured() {
        return keys != null;
    }

    /** alipay.trade.wap.pay as the form the phone submits to Alipay's cashier (nothing is sent from here). */
    public CashierForm wapPay(WapPayCommand command) {
        requireConfigured();
        if (command.totalFee() <= 0) {
            throw new IllegalArgumentException("total_amount %d fen is out of range".formatted(command.totalFee()));
        }
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", command.outTradeNo());
        biz.put("total_amount", Yuan.of(command.totalFee()));
        biz.put("subject", command.subject());
        biz.put("product_code", "QUICK_WAP_WAY");
        biz.put("time_expire", AlipayTime.format(command.timeExpire()));
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("return_url", properties.returnUrl() + (properties.returnUrl().contains("?") ? "&" : "?")
                + "orderId=" + command.orderId());
        extra.put("notify_url", properties.notifyUrl());
        return new CashierForm(properties.gatewayUrl(), signed(WAP_PAY, biz, extra));
    }

    /** alipay.trade.query; empty when Alipay knows no such trade (ACQ.TRADE_NOT_EXIST: the cashier was never opened). */
    public Optional<AlipayTrade> queryTrade(String outTradeNo) {
        JsonNode answer = call(QUERY, Map.of("out_trade_no", outTradeNo), outTradeNo);
        String failure = AlipayAnswers.businessFailure(answer, QUERY, outTradeNo);
        if (failure != null) {
            if (TRADE_NOT_EXIST.equals(failure)) {
                return Optional.empty();
            }
            throw rejected(answer);
        }
        AlipayAnswers.requireSameTrade(answer, outTradeNo, QUERY);
        String wire = AlipayAnswers.text(answer, "trade_status");
        AlipayTradeStatus status = AlipayTradeStatus.of(wire)
                .orElseThrow(() -> AlipayAnswers.unbelievable(QUERY, outTradeNo, "unknown trade_status " + wire));
        return Optional.of(new AlipayTrade(outTradeNo, AlipayAnswers.text(answer, "trade_no"), status,
                AlipayAnswers.fen(answer, "total_amount", QUERY, outTradeNo),
                AlipayTime.parse(AlipayAnswers.text(answer, "send_pay_date")), null));
    }

    /** alipay.trade.close; a trade Alipay does not know or will not close is a result, not an error. */
    public AlipayCloseResult closeTrade(String outTradeNo) {
        JsonNode answer = call(CLOSE, Map.of("out_trade_no", outTradeNo), outTradeNo);
        String failure = AlipayAnswers.businessFailure(answer, CLOSE, outTradeNo);
        if (failure == null) {
            AlipayAnswers.requireSameTrade(answer, outTradeNo, CLOSE);
            return AlipayCloseResult.CLOSED;
        }
        return switch (failure) {
            case TRADE_NOT_EXIST -> AlipayCloseResult.NOT_FOUND;
            case TRADE_STATUS_ERROR -> AlipayCloseResult.NOT_CLOSABLE;
            default -> throw rejected(answer);
        };
    }

    /**
     * alipay.trade.refund with out_request_no = the refund's own id, the same on every ask. Never throws for
     * what happened on the way: asking again is safe, so the unknown is {@link AlipayRefundAnswer.Kind#RETRY_LATER}.
     */
    public AlipayRefundAnswer refund(AlipayRefundCommand command) {
        requireConfigured();
        if (command.refundFee() <= 0) {
            throw new IllegalArgumentException("refund %s of %d fen is out of range"
                    .formatted(command.outRefundNo(), command.refundFee()));
        }
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", command.outTradeNo());
        biz.put("refund_amount", Yuan.of(command.refundFee()));
        biz.put("out_request_no", command.outRefundNo());
        if (command.reason() != null) {
            biz.put("refund_reason", command.reason());
        }
        JsonNode answer;
        String failure;
        try {
            answer = call(REFUND, biz, command.outTradeNo());
            failure = AlipayAnswers.businessFailure(answer, REFUND, command.outTradeNo());
            AlipayAnswers.requireSameTrade(answer, command.outTradeNo(), REFUND);
        } catch (AlipayUnavailableException e) {
            return new AlipayRefundAnswer(AlipayRefundAnswer.Kind.RETRY_LATER, null, null, e.getMessage());
        } catch (AlipayRejectedException e) {
            return new AlipayRefundAnswer(AlipayRefundAnswer.Kind.REFUSED, null, null, e.getMessage());
        }
        if (failure != null) {
            return new AlipayRefundAnswer(AlipayRefundAnswer.Kind.REFUSED, null, null,
                    "%s (%s)".formatted(failure, AlipayAnswers.text(answer, "sub_msg")));
        }
        String tradeNo = AlipayAnswers.text(answer, "trade_no");
        return "Y".equals(AlipayAnswers.text(answer, "fund_change"))
                ? new AlipayRefundAnswer(AlipayRefundAnswer.Kind.REFUNDED, tradeNo,
                        AlipayTime.parse(AlipayAnswers.text(answer, "gmt_refund_pay")), "fund_change Y")
                : new AlipayRefundAnswer(AlipayRefundAnswer.Kind.ACCEPTED, tradeNo, null, "fund_change N");
    }

    /**
     * alipay.trade.fastpay.refund.query; empty when Alipay reports no such refund (an answer without the
     * refund's out_request_no). AlipayUnavailableException when unknown, AlipayRejectedException when refused.
     */
    public Optional<AlipayRefundStatus> queryRefund(String outRefundNo, String outTradeNo) {
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", outTradeNo);
        biz.put("out_request_no", outRefundNo);
        biz.put("query_options", List.of("gmt_refund_pay"));
        JsonNode answer = call(REFUND_QUERY, biz, outTradeNo);
        String failure = AlipayAnswers.businessFailure(answer, REFUND_QUERY, outTradeNo);
        if (failure != null) {
            if (TRADE_NOT_EXIST.equals(failure)) {
                return Optional.empty();
            }
            throw rejected(answer);
        }
        AlipayAnswers.requireSameTrade(answer, outTradeNo, REFUND_QUERY);
        if (!outRefundNo.equals(AlipayAnswers.text(answer, "out_request_no"))) {
            return Optional.empty();
        }
        return Optional.of(new AlipayRefundStatus(outRefundNo, outTradeNo, AlipayAnswers.text(answer, "trade_no"),
                AlipayAnswers.fen(answer, "total_amount", REFUND_QUERY, outTradeNo),
                AlipayAnswers.fen(answer, "refund_amount", REFUND_QUERY, outTradeNo),
                "REFUND_SUCCESS".equals(AlipayAnswers.text(answer, "refund_status")),
                AlipayTime.parse(AlipayAnswers.text(answer, "gmt_refund_pay"))));
    }

    /** Decodes, verifies and checks a notification body (app_id, seller_id when configured, exact amount). */
    public AlipayTrade parseNotification(byte[] body) {
        requireConfigured();
        return notifications.parse(body);
    }

    /** What Alipay expects as the notify page's whole answer: it sends again until it reads "success". */
    public static String notificationReply(boolean stored) {
        return stored ? "success" : "failure";
    }

    /** The gateway the cashier form posts to. */
    public URI gateway() {
        return properties.gatewayUrl();
    }

    private JsonNode call(String method, Map<String, Object> biz, String about) {
        requireConfigured();
        String body = transport.post(signed(method, biz, Map.of()), method, about);
        return AlipayAnswers.verified(body, method, keys.alipayPublic(), about);
    }

    /** The common parameters, biz_content and {@code extra}, signed over all but sign (sign_type included). */
    private Map<String, String> signed(String method, Map<String, Object> biz, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app_id", properties.appId());
        params.put("method", method);
        params.put("format", "JSON");
        params.put("charset", "utf-8");
        params.put("sign_type", "RSA2");
        params.put("timestamp", AlipayTime.format(clock.instant()));
        params.put("version", "1.0");
        params.putAll(extra);
        params.put("biz_content", AlipayAnswers.JSON.writeValueAsString(biz));
        params.put("sign", AlipaySignature.sign(AlipaySignature.content(params, AlipaySignature.REQUEST_UNSIGNED),
                keys.appPrivate()));
        return params;
    }

    private void requireConfigured() {
        if (keys == null) {
            throw new AlipayNotConfiguredException();
        }
    }

    private static AlipayRejectedException rejected(JsonNode answer) {
        return new AlipayRejectedException(AlipayAnswers.text(answer, "code"), AlipayAnswers.text(answer, "sub_code"),
                AlipayAnswers.text(answer, "sub_msg"));
    }
}
