package com.changgou.bench;

import static com.changgou.bench.RabbitManagement.encode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figure 4, the reference: RabbitMQ PerfTest in a child JVM on the bench's own classpath, with
 * persistent messages and publisher confirms, on a vhost of its own that is deleted afterwards.
 */
final class PerfTestRun {

    record Result(List<String> arguments, PerfTestSummary summary) {
    }

    private static final Logger log = LoggerFactory.getLogger(PerfTestRun.class);

    private final Suite suite;
    private final BenchOptions options;

    PerfTestRun(Suite suite, BenchOptions options) {
        this.suite = suite;
        this.options = options;
    }

    Result run(String runId) throws IOException, InterruptedException {
        String vhost = "bench-perftest-" + runId;
        RabbitManagement management = new RabbitManagement(suite);
        management.createVhost(vhost);
        try {
            List<String> arguments = List.of("-x", "1", "-y", "1", "-f", "persistent", "-c", "50", "-q", "50",
                    "-z", Integer.toString(options.perfTestSeconds()), "-s", "200");
            String output = perfTest(vhost, arguments);
            return new Result(arguments, PerfTestSummary.parse(output));
        } finally {
            management.deleteVhost(vhost);
        }
    }

    private String perfTest(String vhost, List<String> arguments) throws IOException, InterruptedException {
        URI uri = URI.create("amqp://%s:%s@%s:%d/%s".formatted(encode(suite.rabbitUser()), encode(suite.rabbitPassword()),
                suite.amqp().getHost(), suite.amqp().getPort(), encode(vhost)));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "com.rabbitmq.perf.PerfTest", "-h", uri.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(options.perfTestSeconds() + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("PerfTest failed: " + Http.abbreviate(output));
        }
        output.lines().filter(line -> line.contains("avg") || line.contains("latency")).forEach(line -> log.info("  perftest | {}", line));
        return output;
    }
}
