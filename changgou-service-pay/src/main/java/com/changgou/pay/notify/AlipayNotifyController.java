package com.changgou.pay.notify;

import com.changgou.pay.alipay.AlipayClient;
import com.changgou.pay.alipay.AlipayNotConfiguredException;
import com.changgou.pay.alipay.AlipayTrade;
import com.changgou.pay.alipay.InvalidAlipayNotificationException;
import com.changgou.pay.api.PayChannel;
import com.changgou.pay.notifylog.NotifyKind;
import com.changgou.pay.notifylog.NotifyLog;
import com.changgou.pay.notifylog.NotifyOutcome;
import com.changgou.pay.notifylog.NotifyReason;
import com.changgou.pay.payment.AlipayPayments;
import com.changgou.pay.payment.Confirmation;
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
 * Alipay sends again on its schedule, and changes nothing. Every request leaves one verdict in the
 * notification log; a verified payment's is written in the transaction that reads and pays the record.
 * Alipay has no notification of its own for refunds: a refund it makes may come here as a trade
 * notification (TRADE_CLOSED, or TRADE_SUCCESS again), which changes nothing and is logged as a PAYMENT
 * duplicate.
 */
@RestController
class AlipayNotifyController {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifyController.class);

    private final AlipayClient alipay;
    private final AlipayPayments payments;
    private final NotifyLog notifications;

    AlipayNotifyController(AlipayClient alipay, AlipayPayments payments, NotifyLog notifications) {
        this.alipay = alipay;
        this.payments = payments;
        this.notifications = notifications;
    }

    @PostMapping(path = "/pay/alipay/notify", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> notify(HttpServletRequest request) throws IOException {
        Handled handled = handle(request);
        if (!handled.recorded()) {
            notifications.record(PayChannel.ALIPAY, NotifyKind.PAYMENT, handled.outcome());
        }
        return ResponseEntity.status(handled.status()).contentType(MediaType.TEXT_PLAIN)
                .body(AlipayClient.notificationReply(handled.outcome().stored()));
    }

    private Handled handle(HttpServletRequest request) throws IOException {
        Optional<byte[]> body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                NotifyController.MAX_BODY_BYTES);
        if (body.isEmpty()) {
            log.warn("Alipay notification rejected: body over {} bytes", NotifyController.MAX_BODY_BYTES);
            return new Handled(HttpStatus.PAYLOAD_TOO_LARGE, Verdicts.tooLarge(NotifyController.MAX_BODY_BYTES), null);
        }
        AlipayTrade trade;
        try {
            trade = alipay.parseNotification(body.get());
        } catch (InvalidAlipayNotificationException e) {
            // Already logged (WARN, with the reason) where it was refused.
            return Handled.ok(Verdicts.refused(e), null);
        } catch (AlipayNotConfiguredException e) {
            log.warn("Alipay notification rejected: Alipay is not configured here");
            return Handled.ok(NotifyOutcome.refused(NotifyReason.NOT_CONFIGURED, "Alipay is not configured here", null),
                    null);
        }
        return store(trade);
    }

    private Handled store(AlipayTrade trade) {
        try {
            if (trade.status().paid()) {
                // As WeChat's: the verdict row goes into the payment's transaction, and a payment that rolls
                // back takes it along (then recorded as not stored, below).
                Confirmation paid = payments.notifiedPaid(trade, decided -> notifications.recordWithin(
                        PayChannel.ALIPAY, NotifyKind.PAYMENT, Verdicts.of(decided, trade.outTradeNo())));
                return Handled.recordedWithPayment(Verdicts.of(paid, trade.outTradeNo()), null);
            }
            return Handled.ok(Verdicts.of(payments.notifiedUnpaid(trade), trade.outTradeNo()), null);
        } catch (RuntimeException e) {
            // Not stored (database down, deadlock...): failure makes Alipay deliver it again.
            log.error("could not store Alipay notification for out_trade_no {}", trade.outTradeNo(), e);
            return Handled.ok(Verdicts.notStored(e, trade.outTradeNo()), null);
        }
    }
}
