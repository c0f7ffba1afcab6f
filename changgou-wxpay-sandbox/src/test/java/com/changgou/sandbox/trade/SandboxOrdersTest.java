package com.changgou.sandbox.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.SignType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxOrdersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final ConcurrentLinkedQueue<SandboxOrder> paid = new ConcurrentLinkedQueue<>();

    private SandboxOrders orders(boolean enforceCloseDelay, int recentLimit) {
        SandboxProperties properties = new SandboxProperties("wx8888888888888888", "1900000001",
                "sandboxkey0000000000000000000000", 1.0, enforceCloseDelay, Duration.ofMinutes(5),
                Duration.ofHours(2), recentLimit, new SandboxProperties.Notification(Duration.ofSeconds(1),
                Duration.ofSeconds(1), 4, 1), Duration.ofSeconds(2));
        return new SandboxOrders(properties, clock, new Ids(), paid::add);
    }

    private static OrderRequest request(String no, long fee, Instant timeExpire) {
        return new OrderRequest(no, "body", null, fee, "http://127.0.0.1/n", "P1", timeExpire, SignType.MD5,
                Map.of("out_trade_no", no, "total_fee", Long.toString(fee)));
    }

    @Test
    void withTheCloseDelayEnforcedAYoungOrderCannotBeClosed() {
        SandboxOrders orders = orders(true, 10);
        orders.place(request("A", 1, null));
        assertThatThrownBy(() -> orders.close("A")).isInstanceOf(TradeRefusedException.class)
                .extracting(e -> ((TradeRefusedException) e).errCode()).isEqualTo("SYSTEMERROR");
        clock.advance(Duration.ofMinutes(5));
        orders.close("A");
        assertThat(orders.byOutTradeNo("A").orElseThrow().state()).isEqualTo(SandboxTradeState.CLOSED);
    }

    @Test
    void withoutTheSwitchAnOrderClosesAtOnce() {
        SandboxOrders orders = orders(false, 10);
        orders.place(request("A", 1, null));
        orders.close("A");
        assertThat(orders.byOutTradeNo("A").orElseThrow().state()).isEqualTo(SandboxTradeState.CLOSED);
    }

    @Test
    void theCodeUrlLastsTwoHoursOrUntilTimeExpire() {
        SandboxOrders orders = orders(false, 10);
        SandboxOrder plain = orders.place(request("A", 1, null));
        SandboxOrder early = orders.place(request("B", 1, clock.instant().plus(Duration.ofMinutes(30))));
        assertThat(plain.payableUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        assertThat(early.payableUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> orders.scan(early.codeUrl(), ScanOutcome.PAY))
                .isInstanceOf(ScanRefusedException.class).hasMessageContaining("expired");
        orders.scan(plain.codeUrl(), ScanOutcome.PAY);
        assertThat(paid).containsExactly(plain);
    }

    @Test
    void racingScansPayAndNotifyExactlyOnce() {
        SandboxOrders orders = orders(false, 10);
        SandboxOrder order = orders.place(request("A", 1, null));
        long successes = IntStream.range(0, 16).parallel().filter(i -> {
            try {
                orders.scan(order.codeUrl(), ScanOutcome.PAY);
                return true;
            } catch (ScanRefusedException e) {
                return false;
            }
        }).count();
        assertThat(successes).isEqualTo(1);
        assertThat(paid).hasSize(1);
        assertThat(orders.byTransactionId(order.payment().orElseThrow().transactionId())).contains(order);
    }

    @Test
    void theRecentListIsBoundedAndNewestFirst() {
        SandboxOrders orders = orders(false, 3);
        List.of("A", "B", "C", "D", "E").forEach(no -> orders.place(request(no, 1, null)));
        assertThat(orders.recent()).extracting(SandboxOrder::outTradeNo).containsExactly("E", "D", "C");
        assertThat(orders.byOutTradeNo("A")).isPresent();
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
