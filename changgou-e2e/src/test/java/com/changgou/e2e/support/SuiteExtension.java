package com.changgou.e2e.support;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the running {@link Suite} to a test. The suite starts with the first test that asks for
 * it and stops after the last test of the run (the root store closes it). A start that failed
 * is not tried again for every later test: they fail at once with the same cause.
 * {@link ScaledOut} does the same for the suite of two of everything on a cluster.
 */
public class SuiteExtension implements ParameterResolver {

    private final String key;
    private final Supplier<Suite> start;

    public SuiteExtension() {
        this("one of each", Suite::start);
    }

    private SuiteExtension(String key, Supplier<Suite> start) {
        this.key = key;
        this.start = start;
    }

    /** Two of every app behind HAProxy, on a three-node RabbitMQ cluster of the run's own. */
    public static final class ScaledOut extends SuiteExtension {
        public ScaledOut() {
            super("scaled out", Suite::startScaledOut);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(key, k -> Started.attempt(start), Started.class)
                .suite();
    }

    /** The outcome of the one start attempt of a run. */
    private record Started(Suite running, RuntimeException failure) implements AutoCloseable {

        static Started attempt(Supplier<Suite> start) {
            try {
                return new Started(start.get(), null);
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
        }

        Suite suite() {
            if (failure != null) {
                throw new IllegalStateException("the suite did not start", failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
