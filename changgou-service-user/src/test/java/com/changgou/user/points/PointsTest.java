package com.changgou.user.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;

import com.changgou.order.api.BusinessType;
import com.changgou.order.api.event.OrderEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** What an event does before any SQL, and what it books; the SQL itself is in PointsMapperTest and OrderEventsTest. */
class PointsTest {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    final PointsMapper mapper = mock(PointsMapper.class);
    final PlatformTransactionManager transactionManager = mock(PlatformTransactionManager.class);
    final Points points = new Points(mapper, new PointsProperties(1, 20), new TransactionTemplate(transactionManager),
            Clock.fixed(NOW, ZoneOffset.UTC));

    {
        given(transactionManager.getTransaction(any())).willReturn(new SimpleTransactionStatus());
    }

    @Test
    void aPaidGoodsOrderEarnsTheFloorOfItsYuanOnAnAccountMadeForIt() {
        assertThat(points.apply(event(OrderEvent.PAID, BusinessType.GOODS, 5_099))).isEqualTo(PointsOutcome.EARNED);

        ArgumentCaptor<PointsEntryRow> entry = ArgumentCaptor.forClass(PointsEntryRow.class);
        then(mapper).should().createAndLockAccount("alice", Instant.parse("2026-01-02T03:04:05Z"));
        then(mapper).should().insertEntry(entry.capture());
        assertThat(entry.getValue()).isEqualTo(new PointsEntryRow(null, "alice", "1864000000000000001", "ev-1",
                PointsKind.EARNED, 50, 5_099, Instant.parse("2026-01-02T03:04:05Z")));
        then(mapper).should().addToBalance("alice", 50, Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void aCourseOrderAndAnUnknownTypeTouchNothing() {
        assertThat(points.apply(event(OrderEvent.PAID, BusinessType.COURSE, 5_000))).isEqualTo(PointsOutcome.NOT_GOODS);
        assertThat(points.apply(event("order.shipped", BusinessType.GOODS, 5_000)))
                .isEqualTo(PointsOutcome.UNKNOWN_TYPE);
        // a business type added after this service was built reads as none
        assertThat(points.apply(event(OrderEvent.PAID, null, 5_000))).isEqualTo(PointsOutcome.NOT_GOODS);
        verifyNoInteractions(mapper, transactionManager);
    }

    @Test
    void anEventAppliedBeforeChangesNothing() {
        PointsEntryRow earnedByThisEvent = new PointsEntryRow(1L, "alice", "1864000000000000001", "ev-1",
                PointsKind.EARNED, 50, 5_000, NOW);
        PointsEntryRow takenBackByThisEvent = new PointsEntryRow(2L, "alice", "1864000000000000001", "ev-1",
                PointsKind.TAKEN_BACK, 20, 2_000, NOW);
        given(mapper.findByOrder("alice", "1864000000000000001"))
                .willReturn(List.of(earnedByThisEvent), List.of(earned(50, 5_000), takenBackByThisEvent));

        assertThat(points.apply(event(OrderEvent.PAID, BusinessType.GOODS, 5_000)))
                .isEqualTo(PointsOutcome.ALREADY_APPLIED);
        assertThat(points.apply(event(OrderEvent.REFUNDED, BusinessType.GOODS, 2_000)))
                .isEqualTo(PointsOutcome.ALREADY_APPLIED);
        then(mapper).should(never()).insertEntry(any());
        then(mapper).should(never()).addToBalance(any(), anyLong(), any());
    }

    @Test
    void aDuplicateKeyMeansAnotherDeliveryAppliedItFirst() {
        willThrow(new DuplicateKeyException("Duplicate entry 'ev-1'")).given(mapper).insertEntry(any());

        assertThat(points.apply(event(OrderEvent.PAID, BusinessType.GOODS, 5_000)))
                .isEqualTo(PointsOutcome.ALREADY_APPLIED);
    }

    @Test
    void aSecondPaidEventOfAnOrderUnderAnotherIdEarnsNothing() {
        given(mapper.findByOrder("alice", "1864000000000000001")).willReturn(List.of(earned(50, 5_000)));

        assertThat(points.apply(event(OrderEvent.PAID, BusinessType.GOODS, 5_000)))
                .isEqualTo(PointsOutcome.ORDER_EARNED_ALREADY);
        then(mapper).should(never()).insertEntry(any());
    }

    @Test
    void aRefundTakesBackItsShareAndTheBalanceGoesDownByIt() {
        given(mapper.findByOrder("alice", "1864000000000000001")).willReturn(List.of(earned(50, 5_000)));

        assertThat(points.apply(event(OrderEvent.REFUNDED, BusinessType.GOODS, 2_000)))
                .isEqualTo(PointsOutcome.TAKEN_BACK);

        ArgumentCaptor<PointsEntryRow> entry = ArgumentCaptor.forClass(PointsEntryRow.class);
        then(mapper).should().insertEntry(entry.capture());
        assertThat(entry.getValue().kind()).isEqualTo(PointsKind.TAKEN_BACK);
        assertThat(entry.getValue().points()).isEqualTo(20);
        then(mapper).should().addToBalance("alice", -20, Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void aRefundOfAnOrderThatHasEarnedNothingHereYetWaitsForItsPayment() {
        assertThatThrownBy(() -> points.apply(event(OrderEvent.REFUNDED, BusinessType.GOODS, 2_000)))
                .isInstanceOf(EarningNotSeenException.class)
                .hasMessageContaining("order 1864000000000000001");
        then(mapper).should(never()).insertEntry(any());
    }

    @Test
    void anEventLackingWhatItNeedsIsRejectedBeforeAnySql() {
        OrderEvent noId = new OrderEvent(null, OrderEvent.PAID, NOW, "1", "alice", BusinessType.GOODS, 1, 1);
        OrderEvent noUser = new OrderEvent("ev-2", OrderEvent.PAID, NOW, "1", " ", BusinessType.GOODS, 1, 1);
        OrderEvent negative = new OrderEvent("ev-3", OrderEvent.REFUNDED, NOW, "1", "alice", BusinessType.GOODS, -1, 1);
        OrderEvent longOrderId = new OrderEvent("ev-4", OrderEvent.PAID, NOW, "1".repeat(33), "alice",
                BusinessType.GOODS, 1, 1);

        for (OrderEvent event : List.of(noId, noUser, negative, longOrderId)) {
            assertThatThrownBy(() -> points.apply(event)).as("%s", event)
                    .isInstanceOf(PointsEventRejectedException.class);
        }
        verifyNoInteractions(mapper);
    }

    @Test
    void anAccountWithNoPointsYetHasABalanceOfNothing() {
        assertThat(points.account("bob")).isEqualTo(new PointsAccountView(0, List.of()));
    }

    @Test
    void theOrdersPointsAreNotFoundUntilItHasEarned() {
        assertThatThrownBy(() -> points.ofOrder("alice", "1864000000000000001"))
                .isInstanceOf(OrderPointsNotFoundException.class)
                .hasMessage("no points for order 1864000000000000001 yet");
    }

    private static PointsEntryRow earned(long points, long paidFen) {
        return new PointsEntryRow(1L, "alice", "1864000000000000001", "ev-0", PointsKind.EARNED, points, paidFen, NOW);
    }

    private static OrderEvent event(String type, BusinessType businessType, long amountFen) {
        return new OrderEvent("ev-1", type, NOW, "1864000000000000001", "alice", businessType, amountFen, 5_000);
    }
}
