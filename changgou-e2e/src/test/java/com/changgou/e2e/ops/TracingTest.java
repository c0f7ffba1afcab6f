package com.changgou.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.changgou.e2e.ops.Purchases.Purchase;
import com.changgou.e2e.support.Goods;
import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One payment is followed across the apps by one trace id: WeChat's notification enters at the
 * gateway, the pay service stores it, the outbox relays the result later on its own thread, the
 * order service marks the order paid, and the user service awards the points from the order's own
 * event. Every one of those log lines carries the same W3C trace id, and the ops console shows it
 * beside the notification.
 */
@ExtendWith(SuiteExtension.class)
class TracingTest {

    private static final Pattern TRACE_ID = Pattern.compile("\\b([0-9a-f]{32})\\b");

    @Test
    void onePaymentIsOneTraceFromNotificationToPoints(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "traced");
        Purchase purchase = Purchases.paid(suite, shopper, Goods.MUG);

        String paid = await().atMost(Duration.ofSeconds(20)).until(
                () -> line(suite, "pay", "pay record " + purchase.outTradeNo() + " of order " + purchase.orderId() + " paid"),
                Optional::isPresent).orElseThrow();
        Matcher id = TRACE_ID.matcher(paid);
        assertThat(id.find()).as("a trace id on the pay service's line: %s", paid).isTrue();
        String traceId = id.group(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(line(suite, "order", "order " + purchase.orderId() + " paid")).as("order's line")
                    .hasValueSatisfying(l -> assertThat(l).contains(traceId));
            assertThat(line(suite, "user", "order " + purchase.orderId() + " ")).as("the user service's points line")
                    .hasValueSatisfying(l -> assertThat(l).contains(traceId));
        });
        assertThat(suite.payDb().single("SELECT trace_id FROM notify_log WHERE reference = ? AND verdict = 'ACCEPTED'",
                purchase.outTradeNo()).get("trace_id")).as("the trace id the ops console shows").isEqualTo(traceId);
    }

    /** The last line of an app's log that contains {@code text}. */
    private static Optional<String> line(Suite suite, String app, String text) {
        Path log = Path.of(suite.setting("CHANGGOU_RUN_DIR"), "logs", app + ".log");
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            List<String> matching = lines.filter(l -> l.contains(text)).toList();
            return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
