package com.changgou.outbox;

import java.util.Set;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An application that opts in to the outbox as the services do, with two exchanges of the tests' own. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(OutboxConfiguration.class)
class OutboxTestApplication {

    /** Stands in for an exchange whose messages must reach a queue, like {@code order.pay} or {@code order.events}. */
    static final String EXCHANGE = "outbox.test";
    static final String ROUTING_KEY = "outbox.test.key";
    /** Stands in for the browsers' {@code paynotify}: nobody bound means nobody is listening. */
    static final String BROADCAST = "outbox.test.broadcast";

    @Bean
    DirectExchange testExchange() {
        return new DirectExchange(EXCHANGE, true, false);
    }

    @Bean
    FanoutExchange broadcastExchange() {
        return new FanoutExchange(BROADCAST, true, false);
    }

    @Bean
    BroadcastExchanges broadcastExchanges() {
        return new BroadcastExchanges(Set.of(BROADCAST));
    }

    /**
     * What the tests write and read around the outbox, on connections that commit each statement: the
     * pool does not auto-commit, as in the services, so a row written through it outside a transaction
     * would be rolled back when its connection went back.
     */
    @Bean
    JdbcTemplate fixtureJdbcTemplate(DataSourceProperties app) {
        return new JdbcTemplate(new DriverManagerDataSource(app.determineUrl(), app.determineUsername(),
                app.determinePassword()));
    }

    /** The mapper calls of the application: which rows a claim pass took (not handed over), which insert wrote each. */
    @Bean
    MapperCalls mapperCalls() {
        return new MapperCalls();
    }

    @Bean
    static BeanPostProcessor recordMapperCalls(ObjectProvider<MapperCalls> calls) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof OutboxMapper mapper ? calls.getObject().recording(mapper) : bean;
            }
        };
    }

    @Bean
    RecordedSpans recordedSpans() {
        return new RecordedSpans();
    }

    /** Lets the run's clean-up close this context before dropping its schema and vhost. */
    @Bean
    static ApplicationContextAware contextKeeper() {
        return ctx -> TestInfra.remember((ConfigurableApplicationContext) ctx);
    }
}
