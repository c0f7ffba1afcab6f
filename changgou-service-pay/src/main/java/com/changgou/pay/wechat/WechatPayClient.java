package com.changgou.pay.wechat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.github.binarywang.wxpay.bean.request.BaseWxPayRequest;
import com.github.binarywang.wxpay.bean.request.WxPayOrderCloseRequest;
import com.github.binarywang.wxpay.bean.request.WxPayOrderQueryRequest;
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
 * and never reaches WxJava's XStream.
 */
public class WechatPayClient {

    private static final SecureRandom NONCES = new SecureRandom();

    private final WechatPayProperties properties;
    private final WxPayConfig wxConfig;
    private final WechatTransport transport;
    private final WechatMessages messages;
    private final WechatNotifications notifications;

    public WechatPayClient(WechatPayProperties properties) {
        this.properties = properties;
        this.wxConfig = wxConfig(properties);
        WxPayServiceApacheHttpImpl wxPay = new WxPayServiceApacheHttpImpl();
        wxPay.setConfig(wxConfig);
        this.transport = new WechatTransport(wxPay, properties.maxAttempts(), properties.retryBackoff());
        this.messages = new WechatMessages(properties);
        this.notifications = new WechatNotifications(messages);
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

    /** Signs with WxJava (our own nonce: WxJava's default is the clock), posts, and verifies the answer. */
    private Map<String, String> call(String api, BaseWxPayRequest request, String outTradeNo) {
        request.setNonceStr(HexFormat.of().formatHex(nonce()));
        try {
            request.checkAndSign(wxConfig);
        } catch (WxPayException e) {
            throw new IllegalArgumentException("WeChat %s for out_trade_no %s: invalid request: %s"
                    .formatted(api, outTradeNo, e.getMessage()), e);
        }
        String body = transport.post(api, request.toXML(), outTradeNo);
        return messages.verifiedAnswer(body, api, outTradeNo);
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[16];
        NONCES.nextBytes(nonce);
        return nonce;
    }

    private static WxPayConfig wxConfig(WechatPayProperties properties) {
        WxPayConfig config = new WxPayConfig();
        config.setPayBaseUrl(properties.baseUrl().toString().replaceAll("/+$", ""));
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
