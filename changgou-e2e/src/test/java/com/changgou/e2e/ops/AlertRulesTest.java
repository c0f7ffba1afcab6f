package com.changgou.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus as Prometheus's own tool reads it: the scrape config and the alert rules are
 * valid, and the rules' unit tests (alerts.test.yml) pass, so each alert fires on what it is for and
 * stays quiet otherwise. Needs no running suite. promtool comes with Debian's prometheus package,
 * which `./changgou test` installs; without it this test fails rather than skips.
 */
class AlertRulesTest {

    private static final Path PROMETHEUS = repositoryRoot().resolve("deploy/prometheus");

    @Test
    void theScrapeConfigIsValidAndLoadsTheAlertRules() {
        String output = promtool("check", "config", "prometheus.yml");

        assertThat(output).contains("1 rule files found");
    }

    @Test
    void everyAlertRuleIsValid() {
        String output = promtool("check", "rules", "alerts.yml");

        assertThat(output).contains("SUCCESS: 7 rules found");
    }

    @Test
    void eachAlertFiresOnWhatItIsForAndStaysQuietOtherwise() {
        promtool("test", "rules", "alerts.test.yml");
    }

    /** Runs promtool in deploy/prometheus; its output when it succeeds, a failure saying why otherwise. */
    private static String promtool(String... arguments) {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("promtool is not installed (Debian: apt-get install --no-install-recommends prometheus; "
                    + "./changgou setup does it): " + e.getMessage());
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("%s did not finish: %s".formatted(String.join(" ", command), output));
            }
            assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not read promtool's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/prometheus"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find deploy/prometheus above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
