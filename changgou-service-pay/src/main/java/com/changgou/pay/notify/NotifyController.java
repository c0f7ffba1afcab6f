package com.changgou.pay.notify;

import com.changgou.pay.api.PayChannel;
import com.changgou.pay.notifylog.NotifyKind;
import com.changgou.pay.notifylog.NotifyLog;
import com.changgou.pay.payment.Actor;
import com.changgou.pay.payment.Confirmation;
import com.changgou.pay.payment.PaidTrade;
import com.changgou.pay.payment.PaymentConfirmations;
import com.changgou.pay.wechat.InvalidNotificationException;
import com.changgou.pay.wechat.PayNotification;
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
 * WeChat's payment notification. SUCCESS is replied only once the payment is committed; anything
 * we could not verify or store gets FAIL, so WeChat tries again on its schedule. Every request leaves
 * one verdict in the notification log, whatever the answer; a verified one's is written in the same
 * transaction as what it decided.
 */
@RestController
class NotifyController {

    private static final Logger log = LoggerFactory.getLogger(NotifyController.class);
    /** WeChat's notifications are a few hundred bytes; anything near this is not one. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final WechatPayClient wechat;
    private final PaymentConfirmations confirmations;
    private final NotifyLog notifications;

    NotifyController(WechatPayClient wechat, PaymentConfirmations confirmations, NotifyLog notifications) {
        this.wechat = wechat;
        this.confirmations = confirmations;
        this.notifications = notifications;
    }

    @PostMapping(path = "/pay/wxpay/notify", produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> notify(HttpServletRequest request) throws IOException {
        Handled handled = handle(request);
        if (!handled.recorded()) {
            notifications.record(PayChannel.WECHAT, NotifyKind.PAYMENT, handled.outcome());
        }
        return ResponseEntity.status(handled.status()).contentType(MediaType.TEXT_XML)
                .body(wechat.notificationReply(handled.outcome().stored(), handled.message()));
    }

    private Handled handle(HttpServletRequest request) throws IOException {
        Optional<byte[]> body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                MAX_BODY_BYTES);
        if (body.isEmpty()) {
            log.warn("notification rejected: body over {} bytes", MAX_BODY_BYTES);
            return new Handled(HttpStatus.PAYLOAD_TOO_LARGE, Verdicts.tooLarge(MAX_BODY_BYTES), "body too large");
        }
        PayNotification notification;
        try {
            notification = wechat.parseNotification(body.get());
        } catch (InvalidNotificationException e) {
            log.warn("notification rejected: {}", e.getMessage());
            return Handled.ok(Verdicts.refused(e), "invalid notification");
        } catch (RuntimeException e) {
            // A parser fault is still "not stored": FAIL, so a genuine notification comes again.
            log.error("notification could not be parsed", e);
            return Handled.ok(Verdicts.internalError(e), "not processed, retry");
        }
        return store(notification);
    }

    private Handled store(PayNotification n) {
        try {
            // The verdict row goes into the payment's transaction: one commit for both, and a payment that
            // rolls back takes its verdict with it (then recorded as not stored, below).
            Confirmation confirmation = confirmations.confirm(
                    new PaidTrade(n.outTradeNo(), n.transactionId(), n.totalFee(), n.paidAt(), n.rawXml()),
                    Actor.WECHAT_NOTIFY, decided -> notifications.recordWithin(PayChannel.WECHAT, NotifyKind.PAYMENT,
                            Verdicts.of(decided, n.outTradeNo())));
            return Handled.recordedWithPayment(Verdicts.of(confirmation, n.outTradeNo()),
                    confirmation.stored() ? "OK" : confirmation.reason());
        } catch (RuntimeException e) {
            // Not stored (database down, deadlock...): FAIL makes WeChat deliver it again.
            log.error("could not store notification for out_trade_no {}", n.outTradeNo(), e);
            return Handled.ok(Verdicts.notStored(e, n.outTradeNo()), "not stored, retry");
        }
    }
}
