package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** The outbox asks nothing of Micrometer: an app without tracing or metrics gets it whole, untraced. */
class OutboxConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(OutboxConfiguration.class)
            .withPropertyValues("changgou.outbox.relay-enabled=false")
            .withBean(SqlSessionTemplate.class, OutboxConfigurationTest::sessions)
            .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
            .withBean(RabbitTemplate.class, () -> mock(RabbitTemplate.class))
            .withBean(JsonMapper.class, JsonMapper::new);

    @Test
    void withoutMicrometerTheOutboxStartsWithNeitherTracingNorMetrics() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing", "io.micrometer.core"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Outbox.class).hasSingleBean(OutboxRelay.class)
                            .doesNotHaveBean(OutboxTracing.class).doesNotHaveBean(OutboxMetrics.class);
                });
    }

    @Test
    void withMicrometerButNoTracerItPublishesUntraced() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .getBean(OutboxTracing.class).isSameAs(OutboxTracing.NONE));
    }

    private static SqlSessionTemplate sessions() {
        SqlSessionTemplate sessions = mock(SqlSessionTemplate.class);
        Mockito.when(sessions.getConfiguration()).thenReturn(new Configuration());
        Mockito.when(sessions.getMapper(OutboxMapper.class)).thenReturn(mock(OutboxMapper.class));
        return sessions;
    }
}
