package com.changgou.outbox;

import java.util.Set;

/**
 * Exchanges where "no queue is bound" means "nobody is listening right now", e.g. the browsers'
 * fanout: a return from one of them completes the row instead of retrying it forever. An app with
 * such exchanges declares this as a bean; without one, every return keeps its row NEW, so a message
 * that no queue took is never dropped (order events wait for their first subscriber).
 */
public record BroadcastExchanges(Set<String> names) {

    public BroadcastExchanges {
        names = Set.copyOf(names);
    }

    static BroadcastExchanges none() {
        return new BroadcastExchanges(Set.of());
    }
}
