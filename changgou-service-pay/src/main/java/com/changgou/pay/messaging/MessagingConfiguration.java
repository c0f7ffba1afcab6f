package com.changgou.pay.messaging;

import com.changgou.outbox.BroadcastExchanges;
import com.changgou.outbox.OutboxConfiguration;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Every message the pay service sends leaves through the outbox ({@link OutboxConfiguration},
 * {@code changgou.outbox.*}): written in the transaction that moved the payment or refund, into this
 * service's own {@code mq_message} (migrations V2 and V5), and relayed with publisher confirms.
 */
@Configuration(proxyBeanMethods = false)
@Import(OutboxConfiguration.class)
class MessagingConfiguration {

    /**
     * {@code paynotify} only reaches the browsers waiting on a QR code: a push that no browser is
     * subscribed to has nobody left to tell, so it is done rather than retried.
     */
    @Bean
    BroadcastExchanges broadcastExchanges(PayRabbitProperties names) {
        return new BroadcastExchanges(Set.of(names.notifyExchange()));
    }
}
