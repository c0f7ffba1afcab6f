package com.changgou.outbox;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * A fixed number of threads for the broker's callbacks on the app's {@link CachingConnectionFactory}:
 * publisher confirms, returns and deliveries to the listener containers.
 *
 * <p>Left alone, the factory hands every confirm's callback to a cached thread pool of its own, which
 * starts a thread whenever none is idle at that instant. A relay batch is acknowledged in a burst (one
 * {@code multiple} ack covers up to a hundred publishes, each its own callback), so under load pay held
 * 145 such threads at once, each with its stack, for a minute after the burst (the bench of 2026-12-03).
 * The callbacks are short (each completes a future, or records a return), so a couple of threads keep up;
 * FIFO order keeps a return's callback started before its confirm's, which waits for it.
 *
 * <p>Registered by {@link OutboxConfiguration} as a post-processor, so it is destroyed after the
 * connection factory it serves: the threads outlive the connection's last callbacks.
 */
final class RabbitCallbackThreads implements BeanPostProcessor, DisposableBean {

    private static final String THREAD_PREFIX = "rabbit-callbacks-";

    private final ThreadPoolExecutor executor;

    RabbitCallbackThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("changgou.outbox.callback-threads must be at least 1, not " + threads);
        }
        CustomizableThreadFactory factory = new CustomizableThreadFactory(THREAD_PREFIX);
        factory.setDaemon(true);
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory);
        // an idle app keeps no callback thread
        this.executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof CachingConnectionFactory connections) {
            connections.setExecutor(executor);
        }
        return bean;
    }

    ThreadPoolExecutor executor() {
        return executor;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
