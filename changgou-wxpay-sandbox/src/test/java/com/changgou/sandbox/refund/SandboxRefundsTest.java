package com.changgou.sandbox.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.trade.Ids;
import com.changgou.sandbox.trade.OrderRequest;
import com.changgou.sandbox.trade.SandboxOrder;
import com.changgou.sandbox.trade.SandboxOrders;
import com.changgou.sandbox.trade.SandboxTradeState;
import com.changgou.sandbox.trade.ScanOutcome;
import com.changgou.sandbox.trade.TradeRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxRefundsTest {

    private final SandboxProperties properties = new SandboxProperties("wx8888888888888888", "1900000001",
            "sandboxkey0000000000000000000000", 1.0, false, Duration.ofMinutes(5), Duration.ofHours(2), 100,
            new SandboxProperties.Notification(Duration.ofSeconds(1), Duration.ofSeconds(1), 4, 1),
            Duration.ofMillis(50));
    private final SandboxOrders orders = new SandboxOrders(properties, Clock.systemUTC(), new Ids(), order -> { });
    private final RefundFaults faults = new RefundFaults();
    private final ConcurrentLinkedQueue<SandboxRefund> settled = new ConcurrentLinkedQueue<>();
    private final SandboxRefunds refunds =
            new SandboxRefunds(orders, faults, settled::add, properties, Clock.systemUTC(), new Ids());

    @AfterEach
    void stop() {
        refunds.destroy();
    }

    private SandboxOrder paid(String no, long fee) {
        SandboxOrder order = orders.place(new OrderRequest(no, "body", null, fee, "http://127.0.0.1/n", "P1", null,
                SignType.MD5, Map.of("out_trade_no", no)));
        orders.scan(order.codeUrl(), ScanOutcome.PAY);
        return order;
    }

    private static RefundRequest request(String outRefundNo, String outTradeNo, long total, long fee) {
        return new RefundRequest(outRefundNo, null, outTradeNo, total, fee, null, "http://127.0.0.1/r", SignType.MD5);
    }

    private static AbstractThrowableAssert<?, ?> refused(Runnable call, String errCode) {
        return assertThatThrownBy(call::run).isInstanceOf(TradeRefusedException.class)
                .matches(e -> ((TradeRefusedException) e).errCode().equals(errCode), "err_code " + errCode);
    }

    @Test
    void aRefundIsProcessingThenSucceedsOnceAndTheTradeShowsRefund() {
        SandboxOrder order = paid("A", 100);
        SandboxRefund refund = refunds.refund(request("RA", "A", 100, 30));
        assertThat(refund.status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(refund.refundId()).startsWith("50").hasSize(29);
        assertThat(refund.transactionId()).isEqualTo(order.payment().orElseThrow().transactionId());
        assertThat(order.state()).isEqualTo(SandboxTradeState.REFUND);

        await().atMost(Duration.ofSeconds(5)).until(() -> refund.status() == RefundStatus.SUCCESS);
        assertThat(refund.snapshot().successTime()).isPresent();
        await().during(Duration.ofMillis(200)).until(() -> settled.size() == 1);
        assertThat(refund.settle(java.time.Instant.now())).isFalse();
    }

    @Test
    void theTradeMustExistAndBePaid() {
        refused(() -> refunds.refund(request("R1", "NOSUCH", 1, 1)), "ORDERNOTEXIST");
        orders.place(new OrderRequest("U", "body", null, 5, "http://127.0.0.1/n", "P1", null, SignType.MD5,
                Map.of("out_trade_no", "U")));
        refused(() -> refunds.refund(request("R2", "U", 5, 1)), "TRADE_STATE_ERROR");
        assertThat(refunds.count()).isZero();
    }

    @Test
    void totalFeeMustBeTheTradesAndRefundsNeverExceedIt() {
        paid("B", 100);
        refused(() -> refunds.refund(request("R0", "B", 99, 10)), "INVALID_REQUEST")
                .hasMessageContaining("total_fee");
        refunds.refund(request("R1", "B", 100, 60));
        refused(() -> refunds.refund(request("R2", "B", 100, 41)), "INVALID_REQUEST")
                .hasMessageContaining("refund_fee大于可退金额").hasMessageContaining("可退40分");
        refunds.refund(request("R3", "B", 100, 40));
        refused(() -> refunds.refund(request("R4", "B", 100, 1)), "INVALID_REQUEST");
        assertThat(refunds.ofTrade("B")).extracting(SandboxRefund::outRefundNo).containsExactly("R1", "R3");
    }

    @Test
    void theSameOutRefundNoIsTheSameRefundAndOtherAmountsAreRefused() {
        paid("C", 100);
        SandboxRefund first = refunds.refund(request("RC", "C", 100, 100));
        assertThat(refunds.refund(request("RC", "C", 100, 100))).isSameAs(first);
        refused(() -> refunds.refund(request("RC", "C", 100, 99)), "INVALID_REQUEST")
                .hasMessageContaining("不一致");
        paid("D", 100);
        refused(() -> refunds.refund(request("RC", "D", 100, 100)), "INVALID_REQUEST");
        assertThat(refunds.count()).isEqualTo(1);
    }

    @Test
    void racingRefundsOfOneTradeNeverGiveBackMoreThanWasPaid() {
        paid("E", 10);
        List<SandboxRefund> accepted = IntStream.range(0, 40).parallel().mapToObj(i -> {
            try {
                return refunds.refund(request("RE" + (i % 20), "E", 10, 1));
            } catch (TradeRefusedException e) {
                return null;
            }
        }).filter(Objects::nonNull).distinct().toList();
        assertThat(accepted).hasSize(10);
        assertThat(refunds.ofTrade("E")).hasSize(10);
    }

    @Test
    void outcomeFaultsEndTheRefundOtherwiseAndAClosedRefundGivesItsAmountBack() {
        paid("F", 10);
        faults.set(new RefundFault(null, RefundFaultMode.REFUNDCLOSE, 1, null));
        faults.set(new RefundFault("RF2", RefundFaultMode.CHANGE, null, null));
        SandboxRefund closed = refunds.refund(request("RF1", "F", 10, 10));
        await().atMost(Duration.ofSeconds(5)).until(() -> closed.status() == RefundStatus.REFUNDCLOSE);
        assertThat(closed.snapshot().successTime()).isEmpty();
        assertThat(closed.snapshot().faults()).containsExactly("REFUNDCLOSE");

        SandboxRefund changed = refunds.refund(request("RF2", "F", 10, 10));
        await().atMost(Duration.ofSeconds(5)).until(() -> changed.status() == RefundStatus.CHANGE);
        refused(() -> refunds.refund(request("RF3", "F", 10, 1)), "INVALID_REQUEST");
        assertThat(settled).containsExactly(closed, changed);
    }

    @Test
    void countedFaultsAreUsedUpAndTheOwnFaultWinsOverTheGlobalOne() {
        faults.set(new RefundFault(null, RefundFaultMode.SYSTEMERROR, 2, null));
        faults.set(new RefundFault("MINE", RefundFaultMode.NOTENOUGH, 1, null));
        assertThat(faults.takeAnswer("MINE")).map(RefundFault::mode).contains(RefundFaultMode.NOTENOUGH);
        assertThat(faults.takeAnswer("MINE")).map(RefundFault::mode).contains(RefundFaultMode.SYSTEMERROR);
        assertThat(faults.all()).extracting(RefundFault::count).containsExactly(1);
        assertThat(faults.takeAnswer("OTHER")).isPresent();
        assertThat(faults.takeAnswer("OTHER")).isEmpty();

        faults.set(new RefundFault(null, RefundFaultMode.DROP, null, null));
        assertThat(faults.notificationFault("ANY")).isPresent();
        assertThat(faults.notificationFault("ANY")).isPresent();
        faults.clear();
        assertThat(faults.all()).isEmpty();
        assertThatThrownBy(() -> new RefundFault(null, null, null, null)).hasMessageContaining("mode is required");
        assertThatThrownBy(() -> new RefundFault(null, RefundFaultMode.DROP, 0, null))
                .hasMessageContaining("count");
    }
}
