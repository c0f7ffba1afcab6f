package com.changgou.bench;

import com.changgou.testkit.WeChatNotification;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor: per paid order, exactly the durable work the suite does, and nothing else, on the same
 * MariaDB and RabbitMQ, as many orders at once as the suite was given in the throughput run. A plain
 * program (JDBC and the RabbitMQ Java client) whose orders/s is what the suite's design could reach on this
 * machine if the product cost nothing; the suite is held to half of it. Per order, as the suite does it once
 * WeChat's notification is believed:
 * <ol>
 * <li>pay's transaction ({@link FloorPayTransaction}): read the pay record; NOTPAY → SUCCESS
 * conditionally, its pay_log row, both outbox rows and the notify_log verdict, committed together;</li>
 * <li>pay's relay ({@link FloorRelay}): take the rows the commit handed over, publish the result to
 * order.pay and the push to paynotify, persistent, with publisher confirms, mark them SENT;</li>
 * <li>order's consumer ({@link FloorConsumers}, {@link FloorOrderTransaction}): take the result off the
 * order.pay.result quorum queue; lock the order, UNPAID → PAID conditionally, its tb_order_log row and
 * its order.paid outbox row, committed; ack;</li>
 * <li>order's relay: publish the handed-over order.paid to order.events, confirmed, mark it SENT.</li>
 * </ol>
 * The statements are the services' own (their mappers' and the outbox's), on tables made by the services'
 * own migrations ({@link Migrations}), in two schemas and a vhost of the run's own
 * ({@link FloorSchemas}, {@link FloorTopology}) that are dropped afterwards. The stages have the suite's
 * default sizes: as many notifiers as the notifications the sandbox sends at once (its {@code max-in-flight},
 * which it names when it holds them; the throughput run's scan callers work before the clock starts), 2 pay
 * relay workers, 4 consumers with prefetch 50, 1 order relay worker, batches of 100.
 *
 * <p>What it does not do is what the comparison is there to show, the product's own cost: no HTTP (the
 * sandbox's POST through the gateway to pay), no XML parse and signature check of the notification (its
 * text is only stored), no Spring MVC, transaction templates, listener containers or message converters,
 * no MyBatis, no tracing, metrics or logging, and no user service awarding points for order.paid (that
 * comes after PAID; the event waits in its queue and goes with the vhost).
 *
 * <p>Timed: from the first notification to the commit that made the last order PAID; over the same window, the CPU
 * each process used and the statements MariaDB served ({@link DatabaseCounters}). Not timed: the
 * schemas, the vhost, seeding the unpaid orders and their NOTPAY records, a warm-up on other orders, as many as
 * the suite's ({@link ThroughputRun#warmUp}), waiting for the last messages to be confirmed, and the audit that every order was
 * paid once.
 */
final class FloorRun {

    /**
     * {@code paid} of {@code orders} reached PAID in {@code seconds} after {@code warmUp} unrecorded ones, the
     * last notification having been stored after {@code notifiedSeconds}; the audit says whether each of all
     * was paid once. {@code cpu} and {@code database}: what the processes used and MariaDB served while timed.
     */
    record Result(int orders, int warmUp, int concurrency, int paid, double notifiedSeconds, double seconds,
                  FloorSchemas.Audit audit, Processes.CpuWindow cpu, DatabaseCounters.Counts database) {

        double ordersPerSecond() {
            return paid / seconds;
        }

        boolean complete() {
            return paid == orders && audit.complete(warmUp + orders);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FloorRun.class);
    private static final int PAY_RELAY_WORKERS = 2;
    /** ORDER_LISTENER_MAX_CONCURRENCY: the order service's container grows to it under load. */
    private static final int CONSUMERS = 4;
    private static final int ORDER_RELAY_WORKERS = 1;

    private final Suite suite;
    private final BenchOptions options;
    private final int notifiers;
    private final Path root;
    private final WeChatNotification wechat;

    /**
     * {@code notifiers}: how many notifications are stored at once, as many as the sandbox sent the suite at once;
     * {@code root}: the repository, whose services' migrations make the floor's tables.
     */
    FloorRun(Suite suite, BenchOptions options, int notifiers, Path root, WeChatNotification wechat) {
        this.suite = suite;
        this.options = options;
        this.notifiers = notifiers;
        this.root = root;
        this.wechat = wechat;
    }

    Result run(String runId) throws Exception {
        String vhost = "bench-floor-" + runId;
        FloorSchemas schemas = new FloorSchemas(suite, "bench_floor_" + runId);
        RabbitManagement management = new RabbitManagement(suite);
        management.createVhost(vhost);
        try {
            schemas.create(Migrations.of(root, "changgou-service-pay"), Migrations.of(root, "changgou-service-order"));
            long seeding = System.nanoTime();
            int warmUp = ThroughputRun.warmUp(options.orders());
            List<FloorPayTransaction.Notification> notifications = schemas.seed(warmUp + options.orders(), options.shoppers(), wechat);
            log.info("  {} unpaid orders and their NOTPAY records seeded in {} s, {} of them for the warm-up (not timed)",
                    notifications.size(), String.format("%.1f", ThroughputRun.seconds(System.nanoTime() - seeding)), warmUp);
            return measure(schemas, broker(vhost), notifications.subList(0, warmUp),
                    notifications.subList(warmUp, notifications.size()));
        } finally {
            try {
                schemas.drop();
            } finally {
                management.deleteVhost(vhost);
            }
        }
    }

    private Result measure(FloorSchemas schemas, ConnectionFactory broker, List<FloorPayTransaction.Notification> warmUp,
                           List<FloorPayTransaction.Notification> timed) throws Exception {
        FirstFailure failures = new FirstFailure();
        ExecutorService deliveries = Executors.newFixedThreadPool(CONSUMERS);
        Clocked clocked;
        try (com.rabbitmq.client.Connection payBroker = broker.newConnection("bench-floor-pay");
             com.rabbitmq.client.Connection orderBroker = broker.newConnection(deliveries, "bench-floor-order")) {
            FloorTopology.declare(orderBroker);
            try (FloorRelay payRelay = FloorRelay.start("pay", PAY_RELAY_WORKERS, schemas::pay, payBroker,
                         Set.of(FloorTopology.NOTIFY_EXCHANGE), failures);
                 FloorRelay orderRelay = FloorRelay.start("order", ORDER_RELAY_WORKERS, schemas::order, orderBroker, Set.of(), failures);
                 FloorConsumers consumers = FloorConsumers.start(CONSUMERS, schemas::order, orderBroker, orderRelay::handOff, failures);
                 Notifiers notifiers = Notifiers.open(this.notifiers, schemas, payRelay::handOff);
                 DatabaseCounters database = DatabaseCounters.open(suite)) {
                notifiers.deliver(warmUp, failures);
                if (!consumers.awaitPaid(warmUp.size(), options.settleSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the floor's warm-up: %d of %d orders PAID after %d s"
                            .formatted(consumers.paid(), warmUp.size(), options.settleSeconds()));
                }
                awaitAllSent(schemas, failures);
                clocked = clock(notifiers, consumers, database, timed, failures);
                if (clocked.paid() == timed.size()) {
                    awaitAllSent(schemas, failures);
                }
            }
        } finally {
            deliveries.shutdownNow();
        }
        return new Result(timed.size(), warmUp.size(), this.notifiers, clocked.paid(), clocked.notifiedSeconds(),
                clocked.seconds(), schemas.audit(), clocked.cpu(), clocked.database());
    }

    /**
     * What the clock saw: the timed orders PAID, when the last notification was stored and the last order PAID, and
     * what the processes used and MariaDB served meanwhile.
     */
    private record Clocked(int paid, double notifiedSeconds, double seconds, Processes.CpuWindow cpu,
                           DatabaseCounters.Counts database) {
    }

    private Clocked clock(Notifiers notifiers, FloorConsumers consumers, DatabaseCounters database,
                          List<FloorPayTransaction.Notification> notifications, FirstFailure failures) throws Exception {
        int paidBefore = consumers.paid();
        Processes.CpuMark cpuBefore = Processes.mark(suite.runDir());
        DatabaseCounters.Counts databaseBefore = database.snapshot();
        long start = System.nanoTime();
        notifiers.deliver(notifications, failures);
        long notified = System.nanoTime();
        boolean all = consumers.awaitPaid(paidBefore + notifications.size(), options.settleSeconds(), TimeUnit.SECONDS);
        long end = all ? consumers.lastPaidNanos() : System.nanoTime();
        int paid = consumers.paid() - paidBefore;
        Processes.CpuWindow cpu = cpuBefore.window();
        DatabaseCounters.Counts statements = database.snapshot().since(databaseBefore);
        log.info("  {}", statements.describe(paid));
        return new Clocked(paid, ThroughputRun.seconds(notified - start), ThroughputRun.seconds(end - start), cpu, statements);
    }

    /** The last messages are confirmed shortly after the last order is PAID (not timed). */
    private void awaitAllSent(FloorSchemas schemas, FirstFailure failures) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.settleSeconds());
        while (schemas.unsentMessages() > 0 && System.nanoTime() < deadline) {
            failures.throwIfAny();
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private ConnectionFactory broker(String vhost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(suite.amqp().getHost());
        factory.setPort(suite.amqp().getPort());
        factory.setUsername(suite.rabbitUser());
        factory.setPassword(suite.rabbitPassword());
        factory.setVirtualHost(vhost);
        factory.setConnectionTimeout(5000);
        // a lost connection fails the run: what it measured would no longer be the durable work alone
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    /** The concurrent notifiers, each with its pay connection opened before the clock starts. */
    private record Notifiers(List<FloorPayTransaction> transactions, ExecutorService threads) implements AutoCloseable {

        static Notifiers open(int concurrency, FloorSchemas schemas, Consumer<List<FloorOutbox.Row>> relay) throws Exception {
            List<FloorPayTransaction> transactions = new ArrayList<>(concurrency);
            for (int i = 0; i < concurrency; i++) {
                transactions.add(new FloorPayTransaction(schemas.pay(), relay));
            }
            return new Notifiers(transactions, Executors.newFixedThreadPool(concurrency));
        }

        /** Every notification, each once, taken by whichever notifier is free; returns when all are stored. */
        void deliver(List<FloorPayTransaction.Notification> notifications, FirstFailure failures) throws Exception {
            AtomicInteger next = new AtomicInteger();
            List<Callable<Void>> notifiers = transactions.stream().<Callable<Void>>map(transaction -> () -> {
                int i;
                while ((i = next.getAndIncrement()) < notifications.size()) {
                    failures.throwIfAny();
                    transaction.accept(notifications.get(i));
                }
                return null;
            }).toList();
            for (Future<Void> notifier : threads.invokeAll(notifiers)) {
                try {
                    notifier.get();
                } catch (ExecutionException e) {
                    failures.record(e.getCause());
                }
            }
            failures.throwIfAny();
        }

        @Override
        public void close() throws Exception {
            threads.shutdownNow();
            for (FloorPayTransaction transaction : transactions) {
                transaction.close();
            }
        }
    }
}
