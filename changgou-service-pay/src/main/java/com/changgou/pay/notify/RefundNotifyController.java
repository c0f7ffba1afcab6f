package com.changgou.pay.notify;

import com.changgou.pay.api.PayChannel;
import com.changgou.pay.notifylog.NotifyKind;
import com.changgou.pay.notifylog.NotifyLog;
import com.changgou.pay.refund.RefundActor;
import com.changgou.pay.refund.RefundReport;
import com.changgou.pay.refund.RefundTransitions;
import com.changgou.pay.refund.Reported;
import com.changgou.pay.wechat.InvalidNotificationException;
import com.changgou.pay.wechat.RefundNotification;
import com.changgou.pay.wechat.WechatPayClient;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's refund notification. SUCCESS is replied only once the refund's new state is committed (or
 * already was); anything that does not decrypt, parse or match gets FAIL and changes nothing. Every
 * request leaves one verdict in the notification log, whatever the answer.
 */
@RestController
class RefundNotifyController {

    private static final Logger log = LoggerFactory.getLogger(RefundNotifyController.class);

    private final WechatPayClient wechat;
    private final RefundTransitions transitions;
    private final NotifyLog notifications;

    RefundNotifyController(WechatPayClient wechat, RefundTransitions transitions, NotifyLog notifications) {
        this.wechat = wechat;
        this.transitions = transitions;
        this.notifications = notifications;
    }

    @PostMapping(path = "/pay/wxpay/refund/notify", produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> notify(HttpServletRequest request) throws IOException {
        Handled handled = handle(request);
        notifications.record(PayChannel.WECHAT, NotifyKind.REFUND, handled.outcome());
        return ResponseEntity.status(handled.status()).contentType(MediaType.TEXT_XML)
                .body(wechat.notificationReply(handled.outcome().stored(), handled.message()));
    }

    private Handled handle(HttpServletRequest request) throws IOException {
        Optional<byte[]> body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                NotifyController.MAX_BODY_BYTES);
        if (body.isEmpty()) {
            log.warn("refund notification rejected: body over {} bytes", NotifyController.MAX_BODY_BYTES);
            return new Handled(HttpStatus.PAYLOAD_TOO_LARGE, Verdicts.tooLarge(NotifyController.MAX_BODY_BYTES),
                    "body too large");
        }
        RefundNotification notification;
        try {
            notification = wechat.parseRefundNotification(body.get());
        } catch (InvalidNotificationException e) {
            // Already logged (WARN, with the reason) where it was refused.
            return Handled.ok(Verdicts.refused(e), "invalid notification");
        } catch (RuntimeException e) {
            log.error("refund notification could not be read", e);
            return Handled.ok(Verdicts.internalError(e), "not processed, retry");
        }
        return store(notification);
    }

    private Handled store(RefundNotification n) {
        try {
            Reported reported = transitions.report(new RefundReport(n.outRefundNo(), n.outTradeNo(), n.transactionId(),
                    n.refundId(), n.totalFee(), n.refundFee(), n.state(), n.successTime(), n.details()),
                    RefundActor.REFUND_NOTIFY);
            return Handled.ok(Verdicts.of(reported, n.outRefundNo()), reported.stored() ? "OK" : reported.reason());
        } catch (RuntimeException e) {
            log.error("could not store refund notification for out_refund_no {}", n.outRefundNo(), e);
            return Handled.ok(Verdicts.notStored(e, n.outRefundNo()), "not stored, retry");
        }
    }
}
