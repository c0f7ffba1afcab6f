package com.changgou.sandbox.alipay.notify;

import com.changgou.sandbox.alipay.trade.AlipayRefund;
import com.changgou.sandbox.alipay.trade.AlipayTrade;
import com.changgou.sandbox.alipay.trade.AlipayTradeListener;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notifies the trade's notify_url (from wap.pay) of every change Alipay notifies for QUICK_WAP_WAY: paid, refunded,
 * closed. Faults bend only the payment's notification, the one a merchant's correctness hangs on.
 */
@Component
public class AlipayNotifier implements AlipayTradeListener {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifier.class);

    private final AlipayDeliveries deliveries;
    private final AlipayNotices notices;
    private final AlipayFaults faults;

    AlipayNotifier(AlipayDeliveries deliveries, AlipayNotices notices, AlipayFaults faults) {
        this.deliveries = deliveries;
        this.notices = notices;
        this.faults = faults;
    }

    @Override
    public void onPaid(AlipayTrade trade) {
        if (noUrl(trade, "payment")) {
            return;
        }
        AlipayNotice notice = notices.paid(trade);
        Optional<AlipayFault> fault = faults.forTrade(trade.outTradeNo());
        if (fault.isEmpty()) {
            deliveries.deliver(trade, notice, AlipayDeliveries.Plan.PLAIN);
            return;
        }
        AlipayFault applied = fault.get();
        trade.recordFault(applied.count() == null ? applied.mode().name() : applied.mode() + " x" + applied.count());
        log.info("Alipay notification of {} under fault {}", trade.outTradeNo(), applied.mode());
        switch (applied.mode()) {
            case DROP -> {
                if (applied.count() != null) {
                    deliveries.deliver(trade, notice, new AlipayDeliveries.Plan(1, Math.max(0, applied.count()), 0));
                }
            }
            case DUPLICATE -> deliveries.deliver(trade, notice, new AlipayDeliveries.Plan(applied.copies(), 0, 0));
            case DELAY -> deliveries.deliver(trade, notice, new AlipayDeliveries.Plan(1, 0, applied.delay()));
        }
    }

    @Override
    public void onRefunded(AlipayTrade trade, AlipayRefund refund) {
        if (!noUrl(trade, "refund")) {
            deliveries.deliver(trade, notices.refunded(trade, refund), AlipayDeliveries.Plan.PLAIN);
        }
    }

    @Override
    public void onClosed(AlipayTrade trade) {
        if (!noUrl(trade, "close")) {
            deliveries.deliver(trade, notices.closed(trade), AlipayDeliveries.Plan.PLAIN);
        }
    }

    /** Alipay notification POSTs still to happen. */
    public int pending() {
        return deliveries.pending();
    }

    private static boolean noUrl(AlipayTrade trade, String what) {
        if (trade.order().notifyUrl() == null) {
            log.info("Alipay trade {} has no notify_url: no {} notification", trade.outTradeNo(), what);
            return true;
        }
        return false;
    }
}
