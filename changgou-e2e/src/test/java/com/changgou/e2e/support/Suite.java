package com.changgou.e2e.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite, started once for all end-to-end tests with {@code ./changgou up} and stopped
 * with {@code ./changgou down} when the last test is done. Its schemas and vhost are dropped
 * before the start and after the stop, so every run begins clean and leaves nothing behind.
 */
public final class Suite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Suite.class);
    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    private final SuiteEnvironment environment;
    private final SuiteProcess process;
    private final Database userDb;
    private final Database orderDb;
    private final Database payDb;
    private final RabbitManagement rabbit;
    private final Sandbox sandbox;

    private Suite(SuiteEnvironment environment) {
        this.environment = environment;
        this.process = new SuiteProcess(environment);
        this.userDb = new Database(environment.variable("USER_DB_NAME"));
        this.orderDb = new Database(environment.variable("ORDER_DB_NAME"));
        this.payDb = new Database(environment.variable("PAY_DB_NAME"));
        this.rabbit = new RabbitManagement(environment.rabbitManagementUrl(), environment.variable("RABBIT_VHOST"));
        this.sandbox = new Sandbox(URI.create(environment.url("SANDBOX_PORT")));
    }

    static Suite start() {
        return start(SuiteEnvironment.forTests(repositoryRoot()));
    }

    /** Two of every app behind HAProxy, on a three-node RabbitMQ cluster of the run's own. */
    static Suite startScaledOut() {
        return start(SuiteEnvironment.forScaleOut(repositoryRoot()));
    }

    private static Suite start(SuiteEnvironment environment) {
        Suite suite = new Suite(environment);
        suite.dropState();
        long started = System.nanoTime();
        try {
            suite.process.run(START_LIMIT, "up");
        } catch (RuntimeException failed) {
            // Leave nothing half-started behind for the next test or run.
            suite.close();
            throw failed;
        }
        log.info("suite up in {} ms", (System.nanoTime() - started) / 1_000_000);
        return suite;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("changgou"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (the folder holding ./changgou)");
        }
        return dir;
    }

    public URI gateway() {
        return URI.create(environment.url("GATEWAY_PORT"));
    }

    /**
     * Gateway k (1, 2) of a scaled-out suite, behind the HAProxy that {@link #gateway()} is there:
     * k steps of 100 above the shop's port (./changgou's CHANGGOU_INSTANCE_PORT_STEP).
     */
    public URI gatewayInstance(int k) {
        return URI.create("http://127.0.0.1:" + (environment.port("GATEWAY_PORT") + 100 * k));
    }

    public URI eureka() {
        return URI.create(environment.url("EUREKA_PORT"));
    }

    public URI app(String portVariable) {
        return URI.create(environment.url(portVariable));
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public Database userDb() {
        return userDb;
    }

    public Database orderDb() {
        return orderDb;
    }

    public Database payDb() {
        return payDb;
    }

    public RabbitManagement rabbit() {
        return rabbit;
    }

    /** The repository the suite runs from. */
    public Path root() {
        return environment.root();
    }

    /** A setting of this run's suite (ports, names...), as ./changgou was given it. */
    public String setting(String name) {
        return environment.variable(name);
    }

    /** A secret this run's ./changgou made for the suite (passwords of its own accounts). */
    public String secret(String name) {
        return environment.secret(name);
    }

    public String vhost() {
        return environment.variable("RABBIT_VHOST");
    }

    /** Stops one app (eureka, sandbox, user, pay, order, web-order, gateway) by its pid. */
    public void stop(String app) {
        process.run(Duration.ofMinutes(1), "stop", app);
    }

    /**
     * Starts one app again and waits until it is healthy, registered, and known to the apps
     * that call it: their registries catch up a fetch interval later, so a shopper's pay path
     * (gateway → pay → order → sandbox) is tried until it works again.
     */
    public void start(String app) {
        process.run(START_LIMIT, "start", app);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    Shopper probe = Shopper.signUp(this, "probe");
                    return probe.nativePay(probe.placeOrder(Goods.STICKER, 1)).hasNonNull("codeUrl");
                });
    }

    /** Stops node k (1..3) of the suite's own RabbitMQ cluster gracefully; its queues' replicas stay on the others. */
    public void stopBrokerNode(int k) {
        process.run(Duration.ofMinutes(2), "stop", "rabbit-" + k);
    }

    /** Starts node k again and waits until it is back in the cluster. */
    public void startBrokerNode(int k) {
        process.run(Duration.ofMinutes(2), "start", "rabbit-" + k);
    }

    /** SIGKILLs one app: whatever it had not finished is cut off. */
    public void kill(String app) {
        process.run(Duration.ofMinutes(1), "kill", app);
    }

    public String status() {
        return process.run(Duration.ofMinutes(1), "status");
    }

    @Override
    public void close() {
        try {
            process.run(Duration.ofMinutes(2), "down");
        } finally {
            AppLogErrors.print(Path.of(environment.variable("CHANGGOU_RUN_DIR"), "logs"));
            dropState();
        }
    }

    /**
     * Drops what a run leaves: schemas, database accounts, sessions, and the broker's part (the
     * machine broker's vhost and users, or the whole of the run's own cluster, data included).
     */
    private void dropState() {
        userDb.drop();
        orderDb.drop();
        payDb.drop();
        for (String account : new String[]{"USER_DB_NAME", "ORDER_DB_NAME", "PAY_DB_NAME"}) {
            Database.dropUser(environment.variable(account));
        }
        if (environment.ownCluster()) {
            process.run(Duration.ofMinutes(2), "cluster", "destroy");
        } else {
            rabbit.deleteVhost();
            rabbit.deleteUser(environment.variable("PAY_RABBIT_USER"));
            rabbit.deleteUser(environment.variable("ORDER_RABBIT_USER"));
            rabbit.deleteUser(environment.variable("USER_RABBIT_USER"));
        }
        Commands.run("bash", "-c", "redis-cli --scan --pattern '%s*' | xargs -r redis-cli del >/dev/null"
                .formatted(SuiteEnvironment.redisPrefix(environment.name())));
    }
}
