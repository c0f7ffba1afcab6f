package com.changgou.pay.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.common.ops.OutboxEntry;
import com.changgou.common.ops.StateChange;
import com.changgou.pay.api.PayState;
import com.changgou.pay.api.RefundCommand;
import com.changgou.pay.api.RefundState;
import com.changgou.pay.api.ops.LiveView;
import com.changgou.pay.api.ops.MinuteCounts;
import com.changgou.pay.api.ops.NotificationEntry;
import com.changgou.pay.api.ops.PaymentStory;
import com.changgou.pay.api.ops.PaymentSummary;
import com.changgou.pay.refund.RefundTestSupport;
import com.changgou.pay.refund.Refunds;
import com.changgou.pay.support.Http;
import com.changgou.pay.support.RefundNotificationBodies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** What operators read of a payment, against the real schema: its story, searches, unmatched refusals, the live view. */
class PaymentStoryTest extends RefundTestSupport {

    @Autowired
    PaymentStories stories;
    @Autowired
    PayActivity activity;
    @Autowired
    Refunds refunds;
    @Value("${local.server.port}")
    int port;

    Http http;
    Paid paid;

    @BeforeEach
    void paidPayment() {
        http = new Http(port);
        paid = paid(1000);
    }

    @Test
    void aStoryTellsTheLogTheNotificationsWithVerdictsTheOutboxAndTheRefundsOldestFirst() {
        http.postXml("/pay/wxpay/notify", wechat.forgedBody(paid.outTradeNo()));
        String no = refundNo();
        refunds.refund(new RefundCommand(no, paid.orderId(), null, 400, "too big"));
        http.postXml("/pay/wxpay/refund/notify", RefundNotificationBodies.body(RefundNotificationBodies.details(no,
                paid.outTradeNo(), paid.transactionId(), wechat.refundIdOf(no), 1000, 400, "SUCCESS")));

        PaymentStory story = stories.story(paid.outTradeNo());

        assertThat(story.payment().orderId()).isEqualTo(paid.orderId());
        assertThat(story.payment().state()).isEqualTo(PayState.SUCCESS);
        assertThat(story.payment().transactionId()).isEqualTo(paid.transactionId());
        assertThat(story.log()).extracting(StateChange::toState).containsExactly("NOTPAY", "SUCCESS");
        assertThat(story.notifications()).extracting(NotificationEntry::verdict, NotificationEntry::reason,
                        NotificationEntry::reference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REFUSED", "bad_signature", paid.outTradeNo()),
                        org.assertj.core.groups.Tuple.tuple("ACCEPTED", "ok", no));
        // The payment's result and broadcast, the refund's result and broadcast: nothing of other payments.
        assertThat(story.outbox()).extracting(OutboxEntry::id)
                .contains("pr-" + paid.outTradeNo(), "rr-" + no + "-SUCCESS")
                .filteredOn(id -> id.startsWith("pn-")).hasSize(2);
        assertThat(story.outbox()).hasSize(4);
        assertThat(story.outbox()).extracting(OutboxEntry::createdAt).isSorted();
        assertThat(story.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.outRefundNo()).isEqualTo(no);
            assertThat(refund.state()).isEqualTo(RefundState.SUCCESS);
            assertThat(refund.refundFee()).isEqualTo(400);
            assertThat(refund.reason()).isEqualTo("too big");
            assertThat(refund.log()).extracting(StateChange::toState).containsExactly("PENDING", "PROCESSING", "SUCCESS");
        });
    }

    @Test
    void anUnknownOutTradeNoHasNoStory() {
        assertThatThrownBy(() -> stories.story("NO-SUCH-TRADE")).isInstanceOf(PayRecordNotFoundException.class);
    }

    @Test
    void paymentsAreFoundByOrderTransactionOrCreationTime() {
        List<PaymentSummary> byOrder = stories.find(PaymentCriteria.of(paid.orderId(), null, null, null));
        assertThat(byOrder).singleElement().satisfies(p -> assertThat(p.outTradeNo()).isEqualTo(paid.outTradeNo()));
        Instant created = byOrder.get(0).createdAt();

        assertThat(stories.find(PaymentCriteria.of(null, paid.transactionId(), null, null)))
                .singleElement().satisfies(p -> assertThat(p.outTradeNo()).isEqualTo(paid.outTradeNo()));
        // A whole second: Connector/J sends MariaDB times without their fraction.
        assertThat(stories.find(PaymentCriteria.of(null, null, created, created.plusSeconds(1))))
                .extracting(p -> p.outTradeNo()).contains(paid.outTradeNo());
        assertThat(stories.find(PaymentCriteria.of(paid.orderId(), "another-transaction", null, null))).isEmpty();
        assertThatThrownBy(() -> PaymentCriteria.of(" ", null, null, null)).isInstanceOf(InvalidOpsQueryException.class);
    }

    @Test
    void refusalsNamingNothingOfOursAreUnmatchedAndThoseNamingARealPaymentAreNot() {
        String stranger = "NO-SUCH-" + paid.orderId();
        http.postXml("/pay/wxpay/notify", wechat.forgedBody(stranger));
        http.postXml("/pay/wxpay/notify", wechat.forgedBody(paid.outTradeNo()));

        List<NotificationEntry> unmatched = activity.unmatchedNotifications();

        assertThat(unmatched).extracting(NotificationEntry::reference).contains(stranger)
                .doesNotContain(paid.outTradeNo());
        assertThat(unmatched).extracting(NotificationEntry::receivedAt).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
    }

    @Test
    void theLiveViewCountsThisMinuteAndTheOutboxBacklog() {
        http.postXml("/pay/wxpay/notify", wechat.forgedBody(paid.outTradeNo()));

        LiveView live = activity.live(3);

        assertThat(live.minutes()).hasSize(3);
        assertThat(live.minutes()).extracting(MinuteCounts::minute).isSorted();
        MinuteCounts now = live.minutes().get(2);
        // Paid and refused just now; a minute boundary may fall between the payment and the call.
        assertThat(live.minutes().get(1).started() + now.started()).isPositive();
        assertThat(live.minutes().get(1).paid() + now.paid()).isPositive();
        assertThat(live.minutes().get(1).refused() + now.refused()).isPositive();
        assertThat(Duration.between(now.minute(), live.at())).isLessThan(Duration.ofMinutes(1));
        assertThat(live.outboxBacklog()).isNotNegative();
        assertThatThrownBy(() -> activity.live(0)).isInstanceOf(InvalidOpsQueryException.class);
        assertThatThrownBy(() -> activity.live(181)).isInstanceOf(InvalidOpsQueryException.class);
    }
}
