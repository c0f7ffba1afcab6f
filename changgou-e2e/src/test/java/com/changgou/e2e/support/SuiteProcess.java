package com.changgou.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code ./changgou} the way a user does, with the test environment. */
final class SuiteProcess {

    private static final Logger log = LoggerFactory.getLogger(SuiteProcess.class);

    private final SuiteEnvironment environment;

    SuiteProcess(SuiteEnvironment environment) {
        this.environment = environment;
    }

    /** Runs {@code ./changgou args...}, returning its output; fails the test when it fails. */
    String run(Duration limit, String... args) {
        return execute(limit, command(args));
    }

    private String execute(Duration limit, List<String> command) {
        String args = String.join(" ", command.subList(1, command.size()));
        Path output = null;
        try {
            output = Files.createTempFile("changgou-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(environment.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment.variables());
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("%s did not finish within %s".formatted(args, limit));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            log.info("{} exited {}:\n{}", args, process.exitValue(), text);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("%s failed (%d):%n%s"
                        .formatted(args, process.exitValue(), text));
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + args, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + args, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", environment.root().resolve("changgou").toString()));
        command.addAll(List.of(args));
        return command;
    }
}
