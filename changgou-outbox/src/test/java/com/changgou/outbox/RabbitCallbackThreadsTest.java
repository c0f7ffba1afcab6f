package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A burst of confirmed publishes is called back on the outbox's few threads: before, the connection
 * factory's cached pool started a thread for nearly every confirm of a batch acknowledged at once.
 */
class RabbitCallbackThreadsTest extends OutboxIntegrationTest {

    /** The name Spring AMQP's own callback threads get from the auto-configured factory's bean name. */
    private static final String FACTORY_THREADS = "rabbitConnectionFactory";

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    RabbitCallbackThreads callbackThreads;

    @Test
    void aBurstOfConfirmsIsCalledBackOnTheBoundedThreadsOnly() {
        String queue = boundQueue();
        List<String> ids = IntStream.range(0, 400).mapToObj(i -> newId("burst")).toList();
        Set<Long> before = threadsNamed(FACTORY_THREADS);
        ThreadPoolExecutor pool = callbackThreads.executor();
        long tasksBefore = pool.getCompletedTaskCount();

        // one commit, four relay batches of a hundred, each acknowledged in a burst
        tx.executeWithoutResult(status -> outbox.append(ids.stream().map(OutboxIntegrationTest::message).toList()));
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> "SENT".equals(row(id).get("state"))));

        assertThat(drain(queue, Duration.ofMillis(500))).hasSize(ids.size());
        assertThat(threadsNamed(FACTORY_THREADS)).as("threads the factory's own cached pool started")
                .isSubsetOf(before);
        assertThat(pool.getCompletedTaskCount() - tasksBefore).as("callbacks run on the bounded pool")
                .isGreaterThanOrEqualTo(ids.size());
        assertThat(pool.getLargestPoolSize()).isLessThanOrEqualTo(2);
    }

    private static Set<Long> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix))
                .map(Thread::getId)
                .collect(Collectors.toSet());
    }
}
