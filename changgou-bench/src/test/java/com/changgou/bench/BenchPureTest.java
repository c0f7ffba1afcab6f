package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    void notificationSignMatchesWeChatsHmacSha256Rule() {
        WeChatNotification signer = new WeChatNotification("wx8888888888888888", "1900000001", "sandboxkey0000000000000000000000");
        Map<String, String> fields = new TreeMap<>(Map.of("b", "2", "a", "1", "empty", "", "sign", "ignored"));

        // HMAC-SHA256 of "a=1&b=2&key=sandboxkey0000000000000000000000" under the same key (Python's hmac agrees)
        assertThat(signer.sign(fields)).isEqualTo("D45E6F2C9851401C434F2592D970D50C4B057104E1C4D188350B0F3868D7C27E");
        assertThat(signer.paid("T1", 100)).contains("<out_trade_no><![CDATA[T1]]></out_trade_no>")
                .contains("<total_fee><![CDATA[100]]></total_fee>").contains("<sign><![CDATA[");
    }

    @Test
    void onlyAnExplicitSuccessIsAnAcknowledgement() {
        assertThat(WeChatNotification.acknowledged("<xml><return_code><![CDATA[SUCCESS]]></return_code></xml>")).isTrue();
        assertThat(WeChatNotification.acknowledged("<xml><return_code><![CDATA[FAIL]]></return_code></xml>")).isFalse();
    }
}
