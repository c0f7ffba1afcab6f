package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages against {@link WebStompStandIn}: what goes over the wire when they open, hear their payments and close. */
class PushPagesTest {

    private static final StompClient.Login WEBGUEST = new StompClient.Login(WebStompStandIn.LOGIN, "secret", "/shop");

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
    private final HttpClient shoppersClient = PushSockets.withSessionCookie(URI.create("http://127.0.0.1:8080"), "CGSESSION",
            "s3ssion", callbacks);
    private final WebStompStandIn broker = new WebStompStandIn();
    private final List<Shopper.Payment> payments = IntStream.range(0, 3)
            .mapToObj(i -> new Shopper.Payment(null, "order-" + i, "weixin://pay/" + i, "token-%d-abcdefghijklmnop".formatted(i)))
            .toList();

    PushPagesTest() throws IOException {
    }

    @AfterEach
    void stop() throws IOException {
        broker.close();
        callbacks.shutdownNow();
    }

    @Test
    void eachPageUpgradesWithItsShoppersSessionCookieAndSubscribesToItsOwnToken() {
        PushPages pages = PushPages.open(PushMode.TOKEN_ROUTED, payments, broker.url(), WEBGUEST, shopper -> shoppersClient, 2);

        assertThat(pages.opened()).isEqualTo(3);
        assertThat(broker.upgrades()).hasSize(3).allSatisfy(upgrade -> {
            assertThat(upgrade.requestLine()).isEqualTo("GET /ws HTTP/1.1");
            // the cookie jar's, not a header the bench set: the JDK sends a client's cookies with the upgrade
            assertThat(upgrade.header("Cookie")).isEqualTo("CGSESSION=s3ssion");
            assertThat(upgrade.header("Sec-WebSocket-Protocol")).isEqualTo("v12.stomp");
        });
        assertThat(broker.received()).filteredOn(f -> f.command().equals("CONNECT")).hasSize(3).allSatisfy(connect -> {
            assertThat(connect.header("login")).isEqualTo("webguest");
            assertThat(connect.header("passcode")).isEqualTo("secret");
            assertThat(connect.header("host")).isEqualTo("/shop");
        });
        assertThat(broker.received()).filteredOn(f -> f.command().equals("SUBSCRIBE")).extracting(f -> f.header("destination"))
                .containsExactlyInAnyOrderElementsOf(payments.stream().map(p -> "/exchange/paynotify.token/" + p.token()).toList());
        pages.close();
    }

    @Test
    void tokenRoutedPagesHearTheirOwnPaymentOnceEachAndCloseWithTheBrokersReceipt() throws Exception {
        PushPages pages = PushPages.open(PushMode.TOKEN_ROUTED, payments, broker.url(), WEBGUEST, shopper -> shoppersClient, 2);
        long before = System.nanoTime();

        for (Shopper.Payment payment : payments) {
            broker.publish("/exchange/paynotify.token/" + payment.token(), body(payment));
        }
        pages.awaitDeliveries(payments.size(), 0, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));

        assertThat(pages.frames()).isEqualTo(3);
        assertThat(pages.arrivals()).containsOnlyKeys(payments.stream().map(Shopper.Payment::token).toList())
                .allSatisfy((token, arrived) -> assertThat(arrived).isBetween(before, System.nanoTime()));
        assertThat(pages.lost()).isNull();

        pages.close();

        assertThat(broker.received()).filteredOn(f -> f.command().equals("DISCONNECT")).hasSize(3)
                .allSatisfy(f -> assertThat(f.header("receipt")).isNotBlank());
        assertThat(broker.open()).isZero();
    }

    @Test
    void fanoutPagesReceiveEveryPaymentsFrameAndKeepTheirOwn() throws Exception {
        PushPages pages = PushPages.open(PushMode.PLAIN_FANOUT, payments, broker.url(), WEBGUEST, shopper -> shoppersClient, 3);

        for (Shopper.Payment payment : payments) {
            broker.publish("/exchange/paynotify", body(payment));
        }
        pages.awaitDeliveries(payments.size(), 0, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));

        assertThat(pages.frames()).isEqualTo(9);
        assertThat(pages.arrivals()).hasSize(3);
        pages.close();
    }

    @Test
    void aFrameThatNeverComesIsWaitedForUntilTheDeadlineOnly() throws Exception {
        PushPages pages = PushPages.open(PushMode.TOKEN_ROUTED, payments, broker.url(), WEBGUEST, shopper -> shoppersClient, 3);
        broker.publish("/exchange/paynotify.token/" + payments.get(0).token(), body(payments.get(0)));
        long start = System.nanoTime();

        pages.awaitDeliveries(payments.size(), 0, start + TimeUnit.MILLISECONDS.toNanos(300));

        assertThat(System.nanoTime() - start).isLessThan(PushPages.STALLED_NANOS);
        assertThat(pages.arrivals()).containsOnlyKeys(payments.get(0).token());
        pages.close();
    }

    @Test
    void aLoginTheBrokerRefusesOpensNoPage() {
        StompClient.Login stranger = new StompClient.Login("bench-fanout-1", "secret", "/");

        assertThatThrownBy(() -> PushPages.open(PushMode.PLAIN_FANOUT, payments, broker.url(), stranger, shopper -> shoppersClient, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no plain fanout page could open")
                .rootCause().hasMessageContaining("STOMP CONNECT").hasMessageContaining("Access refused");
    }

    private static String body(Shopper.Payment payment) {
        return "{\"messageId\":\"pn-x\",\"type\":\"pay.notify\",\"token\":\"%s\",\"state\":\"SUCCESS\"}".formatted(payment.token());
    }
}
