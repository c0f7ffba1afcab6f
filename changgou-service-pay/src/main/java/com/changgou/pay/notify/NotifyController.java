package com.changgou.pay.notify;

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
 * we could not verify or store gets FAIL, so WeChat tries again on its schedule.
 */
@RestController
class NotifyController {

    private static final Logger log = LoggerFactory.getLogger(NotifyController.class);
    /** WeChat's notifications are a few hundred bytes; anything near this is not one. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final WechatPayClient wechat;
    private final PaymentConfirmations confirmations;

    NotifyController(WechatPayClient wechat, PaymentConfirmations confirmations) {
        this.wechat = wechat;
        this.confirmations = confirmations;
    }

    @PostMapping(path = "/pay/wxpay/notify", produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> notify(HttpServletRequest request) throws IOException {
        Optional<byte[]> body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                MAX_BODY_BYTES);
        if (body.isEmpty()) {
            log.warn("notification rejected: body over {} bytes", MAX_BODY_BYTES);
            return reply(HttpStatus.PAYLOAD_TOO_LARGE, false, "body too large");
        }
        PayNotification notification;
        try {
            notification = wechat.parseNotification(body.get());
        } catch (InvalidNotificationException e) {
            log.warn("notification rejected: {}", e.getMessage());
            return reply(HttpStatus.OK, false, "invalid notification");
        } catch (RuntimeException e) {
            // A parser fault is still "not stored": FAIL, so a genuine notification comes again.
            log.error("notification could not be parsed", e);
            return reply(HttpStatus.OK, false, "not processed, retry");
        }
        return store(notification);
    }

    private ResponseEntity<String> store(PayNotification n) {
        try {
            Confirmation confirmation = confirmations.confirm(
                    new PaidTrade(n.outTradeNo(), n.transactionId(), n.totalFee(), n.paidAt(), n.rawXml()),
                    Actor.WECHAT_NOTIFY);
            return confirmation.stored()
                    ? reply(HttpStatus.OK, true, "OK")
                    : reply(HttpStatus.OK, false, confirmation.reason());
        } catch (RuntimeException e) {
            // Not stored (database down, deadlock...): FAIL makes WeChat deliver it again.
            log.error("could not store notification for out_trade_no {}", n.outTradeNo(), e);
            return reply(HttpStatus.OK, false, "not stored, retry");
        }
    }

    private ResponseEntity<String> reply(HttpStatus status, boolean success, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_XML)
                .body(wechat.notificationReply(success, message));
    }
}
