package com.changgou.outbox;

import java.util.Set;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

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

    /** Lets the run's clean-up close this context before dropping its schema and vhost. */
    @Bean
    static ApplicationContextAware contextKeeper() {
        return ctx -> TestInfra.remember((ConfigurableApplicationContext) ctx);
    }
}
