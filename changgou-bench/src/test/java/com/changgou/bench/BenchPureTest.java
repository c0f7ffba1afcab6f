package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchPureTest {

    @Test
    void defaultsMakeTheFullRunAndFlagsOverrideThem() {
        assertThat(BenchOptions.parse(List.of()).orders()).isEqualTo(5000);
        BenchOptions quick = BenchOptions.parse(List.of("--orders", "500", "--push-rate", "20"));
        assertThat(quick.orders()).isEqualTo(500);
        assertThat(quick.pushRate()).isEqualTo(20);
        assertThat(quick.arguments()).containsExactly("--orders", "500", "--push-rate", "20");
    }

    @Test
    void badFlagsAreRefusedByName() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--orders", "0"))).hasMessageContaining("--orders");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--nope", "1"))).hasMessageContaining("unknown flag --nope");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--orders"))).hasMessageContaining("needs a value");
    }

    @Test
    void benchShoppersHaveNamesTheSignUpFormTakesAndOwnRandomPasswords() {
        assertThat(Shoppers.username("83121742", "push", 19)).isEqualTo("bench-83121742-push-19").matches("[a-z0-9_-]{3,32}");
        assertThat(Shoppers.username("RUN7", "Qr", 0)).isEqualTo("bench-run7-qr-0");
        String password = Shoppers.password();
        assertThat(password.length()).isBetween(8, 72);
        assertThat(Shoppers.password()).isNotEqualTo(password);
    }

    @Test
    void theSuiteAndTheFloorWarmUpOnATenthOfItsOrdersAtMost500AndOnOneAtLeast() {
        assertThat(ThroughputRun.warmUp(5000)).isEqualTo(500);
        assertThat(ThroughputRun.warmUp(20_000)).isEqualTo(500);
        assertThat(ThroughputRun.warmUp(50)).isEqualTo(5);
        assertThat(ThroughputRun.warmUp(5)).isEqualTo(1);
    }

    @Test
    void vmRssIsReadInKilobytes() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  215040 kB\nThreads:\t40\n";

        assertThat(Processes.vmRssKb(status)).isEqualTo(215040L);
        assertThat(Processes.vmRssKb("Name:\tkthreadd\n")).isNull();
    }

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheCommandHasSpaces() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 56 0 0 20 0 40 0 100 3000000 50000";

        assertThat(Processes.cpuTicks(stat)).isEqualTo(1234 + 56);
    }

    @Test
    void thePushRunOpensAThousandPagesByDefaultOneForEachMeasuredPayment() {
        assertThat(BenchOptions.parse(List.of()).pushPages()).isEqualTo(1000);
        assertThat(BenchOptions.parse(List.of("--push-pages", "200")).pushPages()).isEqualTo(200);
        assertThat(BenchOptions.parse(List.of("--push-payments", "300")).pushPages()).isEqualTo(300);
        assertThat(BenchOptions.parse(List.of("--push-pages", "300", "--push-payments", "300")).pushPages()).isEqualTo(300);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--push-pages", "300", "--push-payments", "200")))
                .hasMessageContaining("--push-payments 200 disagrees");
    }

    @Test
    void thePushGoesThroughTheGatewaysPublicPortUnlessWebStompUrlSaysOtherwise() {
        Path root = Path.of("/work/main");

        assertThat(Suite.fromEnvironment(Map.of(), root).webStomp()).hasToString("ws://127.0.0.1:8080/api/wxpay/push");
        assertThat(Suite.fromEnvironment(Map.of("GATEWAY_PORT", "18080"), root).webStomp())
                .hasToString("ws://127.0.0.1:18080/api/wxpay/push");
        assertThat(Suite.fromEnvironment(Map.of("WEBSTOMP_URL", "ws://127.0.0.1:15674/ws"), root).webStomp())
                .hasToString("ws://127.0.0.1:15674/ws");
        // blank, as the pages' own setting is when they use their host
        assertThat(Suite.fromEnvironment(Map.of("WEBSTOMP_URL", " "), root).webStomp())
                .hasToString("ws://127.0.0.1:8080/api/wxpay/push");
    }
}
