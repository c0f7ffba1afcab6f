package com.changgou.e2e.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the running {@link Suite} to a test. The suite starts with the first test that asks for
 * it and stops after the last test of the run (the root store closes it). A start that failed
 * is not tried again for every later test: they fail at once with the same cause.
 */
public final class SuiteExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Started.class, key -> Started.attempt(), Started.class)
                .suite();
    }

    /** The outcome of the one start attempt of a run. */
    private record Started(Suite running, RuntimeException failure) implements AutoCloseable {

        static Started attempt() {
            try {
                return new Started(Suite.start(), null);
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
