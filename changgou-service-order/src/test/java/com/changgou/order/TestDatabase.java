package com.changgou.order;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A throw-away schema on the machine's real MariaDB, named for one test class so engineers sharing
 * the server never meet; Flyway migrates it when the context starts.
 */
public final class TestDatabase {

    private static final String HOST = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("DB_PORT", "3306");
    private static final String USER = System.getenv().getOrDefault("DB_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");

    private final String name = "changgou_order_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public String name() {
        return name;
    }

    /**
     * Creates the schema here rather than through the URL's {@code createDatabaseIfNotExist}: the test
     * context outlives {@link #drop()} in Spring's context cache, and its pool, topping itself up after
     * the drop, made the schema again, empty, for nobody to drop.
     */
    public void register(DynamicPropertyRegistry registry) {
        execute("CREATE DATABASE IF NOT EXISTS `" + name + "`");
        registry.add("spring.datasource.url", () -> "jdbc:mysql://%s:%s/%s?useUnicode=true&characterEncoding=utf8&serverTimezone=UTC"
                .formatted(HOST, PORT, name));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** Drops the schema; a transaction still open on one of its tables fails this in 30 s instead of hanging the build. */
    public void drop() {
        execute("SET SESSION lock_wait_timeout = 30", "DROP DATABASE IF EXISTS `" + name + "`");
    }

    /** Runs the statements one after the other on one connection of its own. */
    private static void execute(String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://%s:%s/".formatted(HOST, PORT), USER, PASSWORD);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the test database at %s:%s refused %s: %s"
                    .formatted(HOST, PORT, String.join("; ", statements), e.getMessage()), e);
        }
    }
}
