package com.changgou.pay.notifylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.changgou.pay.api.PayChannel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

/** Recording a verdict: bounded words, the trace id, and never an exception back to the endpoint. */
class NotifyLogTest {

    final NotifyLogMapper rows = mock(NotifyLogMapper.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Tracer tracer = mock(Tracer.class);
    final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    final NotifyLog log;

    NotifyLogTest() {
        given(transactions.getTransaction(any())).willReturn(mock(TransactionStatus.class));
        beans.addBean("tracer", tracer);
        log = new NotifyLog(rows, meters, beans.getBeanProvider(Tracer.class), transactions,
                Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aRefusalIsCountedAndWrittenWithItsReasonWordReferenceAndTraceId() {
        Span span = mock(Span.class);
        TraceContext context = mock(TraceContext.class);
        given(tracer.currentSpan()).willReturn(span);
        given(span.context()).willReturn(context);
        given(context.traceId()).willReturn("4bf92f3577b34da6a3ce929d0e0e4736");

        log.record(PayChannel.WECHAT, NotifyKind.PAYMENT,
                NotifyOutcome.refused(NotifyReason.BAD_SIGNATURE, "wrong MD5 sign", "1234567890"));

        assertThat(count("refused", "bad_signature")).isEqualTo(1.0);
        ArgumentCaptor<NotifyLogRow> row = ArgumentCaptor.forClass(NotifyLogRow.class);
        verify(rows).insert(row.capture());
        assertThat(row.getValue()).isEqualTo(new NotifyLogRow(Instant.parse("2026-12-01T04:00:00Z"), PayChannel.WECHAT,
                NotifyKind.PAYMENT, NotifyVerdict.REFUSED, "bad_signature", "wrong MD5 sign", "1234567890",
                "4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @Test
    void aRowThatCannotBeWrittenIsGivenUpQuietlyAndStillCounted() {
        willThrow(new DataAccessResourceFailureException("database down")).given(rows).insert(any());

        log.record(PayChannel.WECHAT, NotifyKind.PAYMENT, NotifyOutcome.accepted("1234567890"));
        log.record(PayChannel.WECHAT, NotifyKind.PAYMENT, NotifyOutcome.duplicate("1234567890"));

        assertThat(count("accepted", "ok")).isEqualTo(1.0);
        assertThat(count("duplicate", "ok")).isEqualTo(1.0);
        // The database is down: the next row is not tried at once, so no request waits for it twice.
        verify(rows, times(1)).insert(any());
    }

    @Test
    void wordsFromAnUnverifiedBodyAreBoundedToOneLineAndOddReferencesDropped() {
        assertThat(NotifyLog.detail("appid x\nis not ours")).isEqualTo("appid x is not ours");
        assertThat(NotifyLog.detail("x".repeat(5_000))).hasSize(500);
        assertThat(NotifyLog.reference("1990000000000000001-A1")).isEqualTo("1990000000000000001-A1");
        assertThat(NotifyLog.reference("1' OR '1'='1")).isNull();
        assertThat(NotifyLog.reference("x".repeat(65))).isNull();
    }

    @Test
    void everyEndpointsSeriesExistsAtZero() {
        assertThat(meters.find(NotifyLog.NOTIFICATIONS).tag("channel", "alipay").tag("kind", "payment")
                .tag("verdict", "refused").tag("reason", "bad_signature").counter().count()).isZero();
        assertThat(meters.find(NotifyLog.NOTIFICATIONS).tag("channel", "wechat").tag("kind", "refund")
                .tag("verdict", "accepted").tag("reason", "ok").counter().count()).isZero();
    }

    private double count(String verdict, String reason) {
        return meters.get(NotifyLog.NOTIFICATIONS).tag("channel", "wechat").tag("kind", "payment")
                .tag("verdict", verdict).tag("reason", reason).counter().count();
    }
}
