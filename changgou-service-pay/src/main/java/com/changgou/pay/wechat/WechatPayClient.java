package com.changgou.pay.wechat;

import com.changgou.pay.wechat.RefundApplyAnswer.Trouble;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.github.binarywang.wxpay.bean.request.BaseWxPayRequest;
import com.github.binarywang.wxpay.bean.request.WxPayOrderCloseRequest;
import com.github.binarywang.wxpay.bean.request.WxPayOrderQueryRequest;
import com.github.binarywang.wxpay.bean.request.WxPayRefundQueryRequest;
import com.github.binarywang.wxpay.bean.request.WxPayRefundRequest;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderRequest;
import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.impl.WxPayServiceApacheHttpImpl;

/**
 * The pay service's one door to WeChat Pay V2. Every answer is signature-checked before one of
 * its fields is returned; the rest of the service sees only these typed records.
 *
 * <p>WxJava builds and signs the requests and carries them over HTTP; every answer and
 * notification is parsed by {@link WechatXml} and verified by {@link WechatMessages} here,
 * and never reaches WxJava's XStream. Refunds go to the secure base URL over mutual TLS
 * ({@link MerchantTls}); their notifications are decrypted, not signed
 * ({@link WechatRefundNotifications}).
 */
public class WechatPayClient {

    private static final SecureRandom NONCES = new SecureRandom();

    private final WechatPayProperties properties;
    private final WxPayConfig wxConfig;
    private final WechatTransport transport;
    private final WechatMessages messages;
    private final WechatNotifications notifications;
    private final WechatRefundNotifications refundNotifications;
    private final String secureBaseUrl;

    public WechatPayClient(WechatPayProperties properties) {
        this.properties = properties;
        this.wxConfig = wxConfig(properties);
        MerchantTls.context(properties).ifPresent(wxConfig::setSslContext);
        WxPayServiceApacheHttpImpl wxPay = new WxPayServiceApacheHttpImpl();
        wxPay.setConfig(wxConfig);
        this.transport = new WechatTransport(wxPay, properties.maxAttempts(), properties.retryBackoff());
        this.messages = new WechatMessages(properties);
        this.notifications = new WechatNotifications(messages);
        this.refundNotifications = new WechatRefundNotifications(properties);
        this.secureBaseUrl = withoutTrailingSlash(properties.secureBaseUrl().toString());
    }

    /** unifiedorder, trade_type NATIVE. */
    public UnifiedOrderResult unifiedOrder(UnifiedOrderCommand command) {
        if (command.totalFee() <= 0 || command.totalFee() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("total_fee %d fen is out of range".formatted(command.totalFee()));
        }
        WxPayUnifiedOrderRequest request = WxPayUnifiedOrderRequest.newBuilder()
                .outTradeNo(command.outTradeNo())
                .body(command.body())
                .totalFee((int) command.totalFee())
                .productId(command.productId())
                .spbillCreateIp(command.clientIp())
                .timeExpire(WechatTime.format(command.timeExpire()))
                .tradeType("NATIVE")
                .notifyUrl(properties.notifyUrl())
                .build();
        Map<String, String> answer = call("/pay/unifiedorder", request, command.outTradeNo());
        if (WechatMessages.failure(answer, "/pay/unifiedorder", command.outTradeNo()).isPresent()) {
            throw WechatMessages.rejected(answer);
        }
        return new UnifiedOrderResult(
                WechatMessages.required(answer, "prepay_id", "/pay/unifiedorder", command.outTradeNo()),
                WechatMessages.required(answer, "code_url", "/pay/unifiedorder", command.outTradeNo()));
    }

    /** orderquery by out_trade_no; empty when WeChat answers ORDERNOTEXIST. */
    public Optional<TradeQueryResult> queryOrder(String outTradeNo) {
        WxPayOrderQueryRequest request = WxPayOrderQueryRequest.newBuilder().outTradeNo(outTradeNo).build();
        Map<String, String> answer = call("/pay/orderquery", request, outTradeNo);
        Optional<String> failure = WechatMessages.failure(answer, "/pay/orderquery", outTradeNo);
        if (failure.isPresent()) {
            if ("ORDERNOTEXIST".equals(failure.get())) {
                return Optional.empty();
            }
            throw WechatMessages.rejected(answer);
        }
        return Optional.of(TradeAnswers.tradeQueryResult(answer, outTradeNo));
    }

    /** closeorder; ORDERPAID, ORDERCLOSED and ORDERNOTEXIST are results, not errors. */
    public CloseResult closeOrder(String outTradeNo) {
        WxPayOrderCloseRequest request = WxPayOrderCloseRequest.newBuilder().outTradeNo(outTradeNo).build();
        Map<String, String> answer = call("/pay/closeorder", request, outTradeNo);
        Optional<String> failure = WechatMessages.failure(answer, "/pay/closeorder", outTradeNo);
        if (failure.isEmpty()) {
            return CloseResult.CLOSED;
        }
        return switch (failure.get()) {
            case "ORDERPAID" -> CloseResult.ALREADY_PAID;
            case "ORDERCLOSED" -> CloseResult.ALREADY_CLOSED;
            case "ORDERNOTEXIST" -> CloseResult.NOT_FOUND;
            default -> throw WechatMessages.rejected(answer);
        };
    }

    /**
     * Asks WeChat to make a refund ({@code /secapi/pay/refund}, mutual TLS). Never throws for what
     * happened on the way: an unreachable WeChat, an answer we do not believe, a refused handshake
     * or a missing certificate are each a {@link RefundApplyAnswer.Kind#RETRY_LATER}, since asking
     * again with the same out_refund_no is safe.
     */
    public RefundApplyAnswer applyRefund(RefundApplication refund) {
        if (wxConfig.getSslContext() == null) {
            return RefundApplyAnswer.retryLater(Trouble.NO_CERTIFICATE, null,
                    "pay.wechat.cert-path is not set: set WXPAY_CERT_PATH to the merchant's apiclient_cert.p12");
        }
        if (refund.totalFee() > Integer.MAX_VALUE || refund.refundFee() <= 0 || refund.refundFee() > refund.totalFee()) {
            throw new IllegalArgumentException("refund %s: %d of %d fen is out of range"
                    .formatted(refund.outRefundNo(), refund.refundFee(), refund.totalFee()));
        }
        WxPayRefundRequest request = WxPayRefundRequest.newBuilder()
                .outTradeNo(refund.outTradeNo())
                .transactionId(refund.transactionId())
                .outRefundNo(refund.outRefundNo())
                .totalFee((int) refund.totalFee())
                .refundFee((int) refund.refundFee())
                .refundDesc(refund.reason())
                .notifyUrl(properties.refundNotifyUrl())
                .build();
        try {
            return RefundAnswers.applied(call(secureBaseUrl, RefundAnswers.APPLY, request, refund.outTradeNo(), true),
                    refund);
        } catch (WechatUnavailableException e) {
            if (WechatTransport.failedInTls(e)) {
                return RefundApplyAnswer.retryLater(Trouble.TLS_REFUSED, null, e.getMessage());
            }
            // Under TLS 1.3 the server judges our certificate after our side of the handshake is done:
            // a refusal then reaches us as a connection closed while the request is written.
            return RefundApplyAnswer.retryLater(Trouble.UNREACHABLE, null, WechatTransport.closedByPeer(e)
                    ? e.getMessage() + " (WeChat refusing the merchant certificate looks like this too)"
                    : e.getMessage());
        }
    }

    /**
     * refundquery by out_refund_no; empty when WeChat knows no such refund (REFUNDNOTEXIST).
     * WechatUnavailableException when the answer is unknown, WechatRejectedException for other refusals.
     */
    public Optional<RefundQueryResult> queryRefund(String outRefundNo, String outTradeNo) {
        WxPayRefundQueryRequest request = WxPayRefundQueryRequest.newBuilder().outRefundNo(outRefundNo).build();
        Map<String, String> answer = call(RefundAnswers.QUERY, request, outTradeNo);
        Optional<String> failure = WechatMessages.failure(answer, RefundAnswers.QUERY, outTradeNo);
        if (failure.isPresent()) {
            if ("REFUNDNOTEXIST".equals(failure.get()) || "ORDERNOTEXIST".equals(failure.get())) {
                return Optional.empty();
            }
            throw WechatMessages.rejected(answer);
        }
        return RefundAnswers.queried(answer, outRefundNo, outTradeNo);
    }

    /** Decrypts and checks a refund notification body (size-bounded, XXE-safe, appid, mch_id, req_info). */
    public RefundNotification parseRefundNotification(byte[] body) {
        return refundNotifications.parse(body);
    }

    /** Parses and verifies a notification body (size-bounded, XXE-safe, signature, appid, mch_id). */
    public PayNotification parseNotification(byte[] body) {
        return notifications.parse(body);
    }

    /** The XML reply WeChat expects to a notification. */
    public String notificationReply(boolean success, String message) {
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("return_code", success ? "SUCCESS" : "FAIL");
        reply.put("return_msg", message == null ? (success ? "OK" : "FAIL") : message);
        return WechatXml.write(reply);
    }

    private Map<String, String> call(String api, BaseWxPayRequest request, String outTradeNo) {
        return call(wxConfig.getPayBaseUrl(), api, request, outTradeNo, false);
    }

    /** Signs with WxJava (our own nonce: WxJava's default is the clock), posts, and verifies the answer. */
    private Map<String, String> call(String baseUrl, String api, BaseWxPayRequest request, String outTradeNo,
                                     boolean useKey) {
        request.setNonceStr(HexFormat.of().formatHex(nonce()));
        try {
            request.checkAndSign(wxConfig);
        } catch (WxPayException e) {
            throw new IllegalArgumentException("WeChat %s for out_trade_no %s: invalid request: %s"
                    .formatted(api, outTradeNo, e.getMessage()), e);
        }
        String body = transport.post(baseUrl, api, request.toXML(), outTradeNo, useKey);
        return messages.verifiedAnswer(body, api, outTradeNo);
    }

    private static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[16];
        NONCES.nextBytes(nonce);
        return nonce;
    }

    private static WxPayConfig wxConfig(WechatPayProperties properties) {
        WxPayConfig config = new WxPayConfig();
        config.setPayBaseUrl(withoutTrailingSlash(properties.baseUrl().toString()));
        config.setAppId(properties.appId());
        config.setMchId(properties.mchId());
        config.setMchKey(properties.key());
        config.setSignType(properties.signType().wireName());
        config.setNotifyUrl(properties.notifyUrl());
        config.setTradeType("NATIVE");
        config.setHttpConnectionTimeout(Math.toIntExact(properties.connectTimeout().toMillis()));
        config.setHttpTimeout(Math.toIntExact(properties.readTimeout().toMillis()));
        config.setHttpClientBuilderCustomizer(WechatTransport::customize);
        return config;
    }
}
