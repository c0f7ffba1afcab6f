package com.changgou.bench;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A few shoppers for one phase, each with an account of its own, named after the run so that
 * their orders can be counted.
 */
record Shoppers(List<Shopper> all) {

    private static final SecureRandom PASSWORDS = new SecureRandom();

    /**
     * Sign-ups at once: each is a deliberately slow BCrypt hash in the user service, and the gateway
     * gives a sign-up a few seconds; a freshly started suite on two cores answers 503 to a crowd of them.
     */
    static final int SIGN_UP_CONCURRENCY = 4;

    /** Signs up and in {@code count} new shoppers, a few at a time (not timed). */
    static Shoppers signUp(URI gateway, String runId, String phase, int count) {
        List<String> usernames = IntStream.range(0, count).mapToObj(i -> username(runId, phase, i)).toList();
        Bounded.Outcome<Shopper> outcome = Bounded.run(usernames, SIGN_UP_CONCURRENCY,
                username -> Shopper.signUpAndIn(gateway, username, password()));
        if (outcome.failures() > 0) {
            throw new IllegalStateException("%d of %d shoppers could not sign up and in".formatted(outcome.failures(), count),
                    outcome.firstFailure());
        }
        return new Shoppers(outcome.results());
    }

    /** {@code bench-<run>-<phase>-<i>}, in lower case as the suite keeps usernames. */
    static String username(String runId, String phase, int i) {
        return "bench-%s-%s-%d".formatted(runId, phase, i).toLowerCase(Locale.ROOT);
    }

    /** A fresh random password for each account: nobody needs it after sign-in, and it is never logged. */
    static String password() {
        byte[] secret = new byte[24];
        PASSWORDS.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
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
