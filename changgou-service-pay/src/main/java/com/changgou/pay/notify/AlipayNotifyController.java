package com.changgou.pay.notify;

import com.changgou.pay.alipay.AlipayClient;
import com.changgou.pay.alipay.AlipayNotConfiguredException;
import com.changgou.pay.alipay.AlipayTrade;
import com.changgou.pay.alipay.InvalidAlipayNotificationException;
import com.changgou.pay.payment.AlipayPayments;
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
 * Alipay's asynchronous notification. {@code success} is replied only once what it says is stored (or
 * already was); anything not verified, not ours, not matching or not stored gets {@code failure}, so
 * Alipay sends again on its schedule, and changes nothing.
 */
@RestController
class AlipayNotifyController {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifyController.class);

    private final AlipayClient alipay;
    private final AlipayPayments payments;

    AlipayNotifyController(AlipayClient alipay, AlipayPayments payments) {
        this.alipay = alipay;
        this.payments = payments;
    }

    @PostMapping(path = "/pay/alipay/notify", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> notify(HttpServletRequest request) throws IOException {
        Optional<byte[]> body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                NotifyController.MAX_BODY_BYTES);
        if (body.isEmpty()) {
            log.warn("Alipay notification rejected: body over {} bytes", NotifyController.MAX_BODY_BYTES);
            return reply(HttpStatus.PAYLOAD_TOO_LARGE, false);
        }
        AlipayTrade trade;
        try {
            trade = alipay.parseNotification(body.get());
        } catch (InvalidAlipayNotificationException e) {
            // Already logged (WARN, with the reason) where it was refused.
            return reply(HttpStatus.OK, false);
        } catch (AlipayNotConfiguredException e) {
            log.warn("Alipay notification rejected: Alipay is not configured here");
            return reply(HttpStatus.OK, false);
        }
        try {
            return reply(HttpStatus.OK, payments.notified(trade));
        } catch (RuntimeException e) {
            // Not stored (database down, deadlock...): failure makes Alipay deliver it again.
            log.error("could not store Alipay notification for out_trade_no {}", trade.outTradeNo(), e);
            return reply(HttpStatus.OK, false);
        }
    }

    private static ResponseEntity<String> reply(HttpStatus status, boolean stored) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(AlipayClient.notificationReply(stored));
    }
}
