package com.changgou.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A few signed-in shoppers for one phase, named after the run so that their orders can be counted. */
record Shoppers(List<Shopper> all) {

    static Shoppers signIn(URI gateway, String runId, String phase, int count) {
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shoppers.add(Shopper.signIn(gateway, "bench-%s-%s-%d".formatted(runId, phase, i)));
        }
        return new Shoppers(List.copyOf(shoppers));
    }

    List<String> usernames() {
        return all.stream().map(Shopper::username).toList();
    }

    /** Places {@code count} orders spread over the shoppers and starts their Native payments (not timed). */
    List<Shopper.Payment> payments(int count, int concurrency) {
        List<Shopper> owners = IntStream.range(0, count).mapToObj(i -> all.get(i % all.size())).toList();
        Bounded.Outcome<Shopper.Payment> outcome = Bounded.run(owners, concurrency, Shopper::orderAndStartPayment);
        if (outcome.failures() > 0) {
            throw new IllegalStateException("%d of %d orders could not be placed and started".formatted(outcome.failures(), count),
                    outcome.firstFailure());
        }
        return outcome.results();
    }

    /** Places {@code count} orders without starting their payments. */
    List<Placed> orders(int count, int concurrency) {
        List<Shopper> owners = IntStream.range(0, count).mapToObj(i -> all.get(i % all.size())).toList();
        Bounded.Outcome<Placed> outcome = Bounded.run(owners, concurrency,
                shopper -> shopper.placeOrder().thenApply(id -> new Placed(shopper, id)));
        if (outcome.failures() > 0) {
            throw new IllegalStateException("%d of %d orders could not be placed".formatted(outcome.failures(), count),
                    outcome.firstFailure());
        }
        return outcome.results();
    }

    record Placed(Shopper shopper, String orderId) {
    }
}
