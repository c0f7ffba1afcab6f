package com.changgou.sandbox.api;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.refund.RefundCalls;
import com.changgou.sandbox.refund.RefundFault;
import com.changgou.sandbox.refund.RefundFaultMode;
import com.changgou.sandbox.refund.RefundFaults;
import com.changgou.sandbox.refund.SandboxRefund;
import com.changgou.sandbox.refund.SandboxRefunds;
import com.changgou.sandbox.trade.SandboxOrder;
import com.changgou.sandbox.trade.SandboxOrders;
import com.changgou.sandbox.trade.TradeRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay V2 refunds: {@code /secapi/pay/refund}, only with the merchant's client certificate (so only on
 * the TLS connector; the plain port answers 403), and {@code /pay/refundquery}, served on both ports.
 */
@RestController
class RefundApiController {

    private static final Logger log = LoggerFactory.getLogger(RefundApiController.class);
    private static final List<String> QUERY_REQUIRED =
            List.of(WxFields.APPID, WxFields.MCH_ID, WxFields.NONCE_STR, WxFields.SIGN);
    static final String CERTIFICATE_REQUIRED = "client certificate required: /secapi/pay/refund is served only "
            + "over HTTPS on the sandbox's TLS port, with the merchant certificate (apiclient_cert.p12)";
    static final String CERTIFICATE_MISMATCH = "certificate does not match mch_id";

    private final SandboxRefunds refunds;
    private final SandboxOrders orders;
    private final RefundCalls counts;
    private final RefundFaults faults;
    private final ApiCalls calls;
    private final XmlReplies replies;
    private final String mchId;

    RefundApiController(SandboxRefunds refunds, SandboxOrders orders, RefundCalls counts, RefundFaults faults,
                        ApiCalls calls, XmlReplies replies, SandboxProperties properties) {
        this.refunds = refunds;
        this.orders = orders;
        this.counts = counts;
        this.faults = faults;
        this.calls = calls;
        this.replies = replies;
        this.mchId = properties.mchId();
    }

    @PostMapping("/secapi/pay/refund")
    ResponseEntity<String> refund(HttpServletRequest request, InputStream body) {
        Optional<X509Certificate> certificate = ClientCertificates.of(request);
        if (certificate.isEmpty()) {
            log.info("refund refused: no client certificate (port {})", request.getLocalPort());
            return replies.returnFail(HttpStatus.FORBIDDEN, CERTIFICATE_REQUIRED);
        }
        Optional<String> holder = ClientCertificates.commonName(certificate.get());
        if (!holder.map(mchId::equals).orElse(false)) {
            log.info("refund refused: the client certificate is for {}, not {}", holder.orElse("?"), mchId);
            return replies.returnFail(HttpStatus.OK, CERTIFICATE_MISMATCH);
        }
        return calls.handle("refund", body, RefundRequestReader.REQUIRED, (fields, signType) -> {
            String outRefundNo = fields.get("out_refund_no");
            counts.refundRequested(outRefundNo);
            Optional<RefundFault> fault = faults.takeAnswer(outRefundNo);
            if (fault.isPresent() && fault.get().mode() != RefundFaultMode.SLOW_ANSWER) {
                throw answerFault(fault.get());
            }
            SandboxRefund accepted = refunds.refund(RefundRequestReader.read(fields, signType));
            fault.ifPresent(slow -> answerLate(outRefundNo, slow.delay()));
            return RefundAnswers.accepted(accepted);
        });
    }

    @PostMapping("/pay/refundquery")
    ResponseEntity<String> refundQuery(InputStream body) {
        return calls.handle("refundquery", body, QUERY_REQUIRED, (fields, signType) -> {
            String outRefundNo = fields.get("out_refund_no");
            List<SandboxRefund> found = find(fields.get("refund_id"), outRefundNo, fields.get("transaction_id"),
                    fields.get("out_trade_no"));
            Stream.concat(Stream.ofNullable(outRefundNo), found.stream().map(SandboxRefund::outRefundNo))
                    .distinct().forEach(counts::refundQueried);
            if (found.isEmpty()) {
                throw new TradeRefusedException("REFUNDNOTEXIST", "退款订单查询失败");
            }
            return RefundAnswers.queried(found);
        });
    }

    /** WeChat's priority when several are given: refund_id, out_refund_no, transaction_id, out_trade_no. */
    private List<SandboxRefund> find(String refundId, String outRefundNo, String transactionId, String outTradeNo) {
        if (!MerchantGate.isBlank(refundId)) {
            return refunds.byRefundId(refundId).stream().toList();
        }
        if (!MerchantGate.isBlank(outRefundNo)) {
            return refunds.byOutRefundNo(outRefundNo).stream().toList();
        }
        if (!MerchantGate.isBlank(transactionId)) {
            return orders.byTransactionId(transactionId).map(SandboxOrder::outTradeNo).map(refunds::ofTrade)
                    .orElse(List.of());
        }
        if (!MerchantGate.isBlank(outTradeNo)) {
            return refunds.ofTrade(outTradeNo);
        }
        throw new TradeRefusedException("LACK_PARAMS",
                "缺少参数: refund_id、out_refund_no、transaction_id或out_trade_no");
    }

    /** Holds the answer back after the refund was made, as a slow network or a dying merchant would see it. */
    private static void answerLate(String outRefundNo, long delayMillis) {
        log.info("refund {} made; its answer is held back {} ms (fault SLOW_ANSWER)", outRefundNo, delayMillis);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TradeRefusedException answerFault(RefundFault fault) {
        return switch (fault.mode()) {
            case NOTENOUGH -> new TradeRefusedException("NOTENOUGH", "基本账户余额不足，请充值后重新发起");
            case SYSTEMERROR -> new TradeRefusedException("SYSTEMERROR", "系统超时，请使用相同参数再次调用");
            default -> throw new IllegalStateException("not an answer fault: " + fault.mode());
        };
    }
}
