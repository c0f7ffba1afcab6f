package com.changgou.outbox;

import java.time.Clock;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of one application: {@link Outbox} to write into, the relay and its runner, the janitor.
 * An app opts in with {@code @Import(OutboxConfiguration.class)} (nothing is scanned), creates
 * {@code mq_message} with its own Flyway (the columns of {@code OutboxMapper.xml}) and sets
 * {@code changgou.outbox.*} ({@link OutboxProperties}) and, for publisher confirms and returns,
 * {@code spring.rabbitmq.publisher-confirm-type=correlated}, {@code publisher-returns=true} and
 * {@code template.mandatory=true}. It may declare a {@link BroadcastExchanges} bean and a
 * {@link Clock} bean (UTC otherwise).
 *
 * <p>Tracing and metrics come with the app's own Micrometer jars, both optional: with Micrometer Tracing
 * (a {@code Tracer} and a {@code Propagator}) every row keeps its writer's trace and is published within
 * it, which needs the {@code trace_parent} column; with a meter registry the outbox reports its backlog
 * and what it published ({@link OutboxMetrics}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxConfiguration {

    /**
     * Registered by hand rather than scanned: a {@code @MapperScan} or {@code MapperFactoryBean} here
     * would switch off MyBatis' own scan of the app's mappers. Adding the interface loads
     * {@code OutboxMapper.xml} beside it, unless the app's {@code mybatis.mapper-locations} did already.
     */
    @Bean
    OutboxMapper outboxMapper(SqlSessionTemplate sessions) {
        org.apache.ibatis.session.Configuration mybatis = sessions.getConfiguration();
        if (!mybatis.hasMapper(OutboxMapper.class)) {
            mybatis.addMapper(OutboxMapper.class);
        }
        return sessions.getMapper(OutboxMapper.class);
    }

    /**
     * Claims and marks run READ COMMITTED through a template of the relay's own. It is no bean: Boot's
     * default {@code TransactionTemplate} backs off as soon as any other one is declared.
     */
    @Bean
    OutboxRelay outboxRelay(OutboxMapper mapper, PlatformTransactionManager transactions, RabbitTemplate rabbit,
            OutboxProperties props, ObjectProvider<BroadcastExchanges> broadcasts, ObjectProvider<Clock> clock,
            ObjectProvider<OutboxTracing> tracing, ObjectProvider<PublishedRows> publishedRows) {
        requireConfirmsAndReturns(rabbit, props);
        TransactionTemplate readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new OutboxRelay(mapper, readCommitted, rabbit, props, clock.getIfAvailable(Clock::systemUTC),
                broadcasts.getIfAvailable(BroadcastExchanges::none).names(),
                tracing.getIfAvailable(() -> OutboxTracing.NONE), publishedRows.getIfAvailable(() -> PublishedRows.NONE));
    }

    /**
     * Static and read from the environment: a post-processor is made before the properties are bound.
     * {@code changgou.outbox.callback-threads} (2 unless set): the broker's callbacks of the app's
     * connection factory, confirms above all; see {@link RabbitCallbackThreads}.
     */
    @Bean
    static RabbitCallbackThreads rabbitCallbackThreads(Environment environment) {
        return new RabbitCallbackThreads(environment.getProperty("changgou.outbox.callback-threads", Integer.class, 2));
    }

    @Bean
    OutboxRelayRunner outboxRelayRunner(OutboxRelay relay, OutboxProperties props, ObjectProvider<Clock> clock) {
        return new OutboxRelayRunner(relay, props, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Outbox outbox(OutboxMapper mapper, JsonMapper json, OutboxRelayRunner runner, ObjectProvider<Clock> clock,
            ObjectProvider<OutboxTracing> tracing) {
        return new Outbox(mapper, json, runner, clock.getIfAvailable(Clock::systemUTC),
                tracing.getIfAvailable(() -> OutboxTracing.NONE));
    }

    /**
     * Every send of the app's template, the relay's and any other, is timed and traced by its exchange only
     * ({@link ExchangeNamedSends}): a broadcast's routing key is a page's token, one per payment.
     */
    @Bean
    RabbitTemplateCustomizer exchangeNamedSends() {
        return template -> template.setObservationConvention(new ExchangeNamedSends());
    }

    @Bean
    OutboxJanitor outboxJanitor(OutboxMapper mapper, OutboxProperties props, ObjectProvider<Clock> clock) {
        return new OutboxJanitor(mapper, props, clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Only when Micrometer Tracing is on the classpath (the nested class keeps its types from being
     * loaded otherwise), and then only if the app has a tracer: a slice test without one publishes untraced.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.propagation.Propagator")
    static class Tracing {

        @Bean
        OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            Tracer current = tracer.getIfAvailable();
            Propagator w3c = propagator.getIfAvailable();
            return current == null || w3c == null ? OutboxTracing.NONE : new MicrometerOutboxTracing(current, w3c);
        }
    }

    /**
     * Only with Micrometer on the classpath. Boot binds the binder to the app's registry; until it is
     * bound (or if there is none) the backlog is never queried and nothing is counted.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {

        @Bean
        OutboxMetrics outboxMetrics(OutboxMapper mapper, OutboxProperties props, ObjectProvider<Clock> clock) {
            return new OutboxMetrics(mapper, clock.getIfAvailable(Clock::systemUTC), props.metricsInterval());
        }
    }

    /**
     * A row is marked SENT only on the broker's ack, and a message no queue took must come back: without
     * confirms every row would wait out its confirm timeout and be published again and again, and without
     * mandatory returns an unroutable message would count as delivered. Refused at start, not found later.
     */
    private static void requireConfirmsAndReturns(RabbitTemplate rabbit, OutboxProperties props) {
        if (!props.relayEnabled()) {
            return;
        }
        ConnectionFactory connections = rabbit.getConnectionFactory();
        boolean mandatory = Boolean.TRUE.equals(rabbit.isMandatoryFor(MessageBuilder.withBody(new byte[0]).build()));
        if (connections == null || !connections.isPublisherConfirms() || !connections.isPublisherReturns()
                || !mandatory) {
            throw new IllegalStateException("the outbox relay needs publisher confirms and returns on mandatory "
                    + "publishes: set spring.rabbitmq.publisher-confirm-type=correlated, "
                    + "spring.rabbitmq.publisher-returns=true and spring.rabbitmq.template.mandatory=true");
        }
    }
}
