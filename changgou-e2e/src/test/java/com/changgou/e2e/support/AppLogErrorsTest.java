package com.changgou.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppLogErrorsTest {

    @Test
    void eachKindOfErrorIsShownOnceWithItsTraceAndCount() {
        List<String> log = List.of(
                "2026-12-02T07:20:41.715Z ERROR 1 --- [app] [   payResult-15] o.s.a.r.l.Container : Failed to redeclare 3 queue(s).",
                "2026-12-02T07:20:41.716Z  INFO 1 --- [app] [main] c.c.Thing : fine",
                "2026-12-02T07:20:42.576Z ERROR 1 --- [app] [orderTimeout-18] o.s.a.r.l.Container : Failed to redeclare 4 queue(s).",
                "java.net.ConnectException: refused",
                "2026-12-02T07:20:43.000Z ERROR 1 --- [app] [epoll-4] o.s.b.a.w.r.e.AbstractErrorWebExceptionHandler : [eed38c1c-33] 500 Server Error for HTTP POST \"/worder/order\"",
                "",
                "io.lettuce.core.RedisCommandTimeoutException: Command timed out after 5 second(s)",
                "\tat io.lettuce.core.internal.ExceptionFactory.createTimeoutException(ExceptionFactory.java:63)",
                "2026-12-02T07:20:44.000Z  INFO 1 --- [app] [main] c.c.Thing : after");

        List<String> shown = AppLogErrors.errors(log);

        assertThat(shown).hasSize(5);
        assertThat(shown.get(0)).startsWith("[2x] ").contains("Failed to redeclare 3 queue(s).");
        assertThat(shown.get(1)).startsWith("[1x] ").contains("500 Server Error");
        assertThat(shown.subList(2, 5)).containsExactly("", log.get(6), log.get(7));
    }
}
