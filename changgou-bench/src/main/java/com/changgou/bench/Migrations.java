package com.changgou.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's own Flyway migrations ({@code V<n>__<what>.sql} in its {@code db/migration}), read from the
 * source tree and run in version order, each file as one script: the floor's tables are the suite's
 * tables, column for column and index for index, without a copy of their definitions to drift.
 */
record Migrations(Path directory) {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    /** The migrations of a module of the repository at {@code root}, e.g. changgou-service-pay. */
    static Migrations of(Path root, String module) {
        return new Migrations(root.resolve(module).resolve("src/main/resources/db/migration"));
    }

    /** The scripts in the order Flyway runs them; none is an error, not an empty schema. */
    List<Path> scripts() {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> scripts = files.filter(f -> VERSIONED.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(Migrations::version))
                    .toList();
            if (scripts.isEmpty()) {
                throw new IllegalStateException("no V<n>__*.sql migrations in " + directory);
            }
            return scripts;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the migrations in %s (run the bench from the repository's root)"
                    .formatted(directory), e);
        }
    }

    /** Runs every script on {@code connection}, which must allow several statements in one (allowMultiQueries). */
    void applyTo(Connection connection) throws SQLException {
        for (Path script : scripts()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(script));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + script, e);
            } catch (SQLException e) {
                throw new SQLException("%s failed: %s".formatted(script.getFileName(), e.getMessage()), e.getSQLState(), e);
            }
        }
    }

    private static int version(Path script) {
        Matcher name = VERSIONED.matcher(script.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("not a versioned migration: " + script);
        }
        return Integer.parseInt(name.group(1));
    }
}
