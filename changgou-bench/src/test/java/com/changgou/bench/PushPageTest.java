package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class PushPageTest {

    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUv";
    private static final String OTHER = "ZyXwVuTsRqPoNmLkJiHgFe";

    private final LongAdder frames = new LongAdder();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final PushPage page = new PushPage(TOKEN, frames, arrivals);

    @Test
    void everyFrameIsCountedButOnlyTheFirstWithItsOwnTokenArrives() {
        page.receive(message(OTHER, 100));
        assertThat(page.arrived()).isFalse();

        page.receive(message(TOKEN, 200));
        page.receive(message(TOKEN, 300));

        assertThat(frames.sum()).isEqualTo(3);
        assertThat(arrivals.get()).isEqualTo(1);
        assertThat(page.arrived()).isTrue();
        assertThat(page.arrivedNanos()).isEqualTo(200);
    }

    @Test
    void theTokenMustBeTheBodysTokenNotJustSomewhereInIt() {
        page.receive(delivery("{\"messageId\":\"pn-%s\",\"token\":\"%s\"}".formatted(TOKEN, OTHER), 100));
        page.receive(delivery("not json " + TOKEN, 200));

        assertThat(frames.sum()).isEqualTo(2);
        assertThat(page.arrived()).isFalse();
    }

    @Test
    void latencyRunsFromWhenTheNotificationWasDueAndOnlyForPaidTokens() {
        Map<String, Long> latencies = PushLatencyRun.latencies(Map.of(TOKEN, 1_250L, OTHER, 2_000L), Map.of(TOKEN, 1_000L));

        assertThat(latencies).containsExactly(Map.entry(TOKEN, 250L));
    }

    @Test
    void eachModeSaysWhereItsPagesSubscribeAndWhatTheBrokerOwesThem() {
        assertThat(PushMode.TOKEN_ROUTED.destination(TOKEN)).isEqualTo("/exchange/paynotify.token/" + TOKEN);
        assertThat(PushMode.PLAIN_FANOUT.destination(TOKEN)).isEqualTo("/exchange/paynotify");
        assertThat(PushMode.TOKEN_ROUTED.framesOwed(1000, 1000)).isEqualTo(1000);
        assertThat(PushMode.PLAIN_FANOUT.framesOwed(1000, 1000)).isEqualTo(1_000_000);
    }

    @Test
    void framesPerPaymentIsEveryFrameTheModesPagesReceivedOverThePayments() {
        PushLatencyRun.Mode fanout = new PushLatencyRun.Mode(PushMode.PLAIN_FANOUT, 1000, 0, 1000, 0,
                new Percentiles(1000, 1, 2, 3, 4), 0, 987_654, null, SampleResults.NO_LOAD);

        assertThat(fanout.framesPerPayment()).isEqualTo(987.654);
    }

    @Test
    void noPageOpensUnlessEveryBrokerNodeKeepsAFifthOfItsFileDescriptorsSpare() {
        RabbitManagement.FileDescriptors roomy = new RabbitManagement.FileDescriptors("rabbit@a", 100, 20_000);
        RabbitManagement.FileDescriptors defaultLimit = new RabbitManagement.FileDescriptors("rabbit@b", 40, 1024);

        PushLatencyRun.requireRoomForPages(1000, List.of(roomy));
        // 1024 * 4 / 5 - 40 = 779
        PushLatencyRun.requireRoomForPages(779, List.of(roomy, defaultLimit));
        assertThatThrownBy(() -> PushLatencyRun.requireRoomForPages(780, List.of(roomy, defaultLimit)))
                .hasMessageContaining("rabbit@b uses 40 of its 1024")
                .hasMessageContaining("room for 779 pages")
                .hasMessageContaining("open-files limit");
    }

    private static StompClient.Delivery message(String token, long arrivedNanos) {
        return delivery("{\"messageId\":\"pn-1\",\"type\":\"pay.notify\",\"token\":\"%s\",\"state\":\"SUCCESS\"}".formatted(token),
                arrivedNanos);
    }

    private static StompClient.Delivery delivery(String body, long arrivedNanos) {
        return new StompClient.Delivery(new StompFrame("MESSAGE", Map.of("destination", "/exchange/paynotify"), body), arrivedNanos);
    }
}
