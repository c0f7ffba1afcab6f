package com.changgou.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
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
        management("PUT", "/api/vhosts/" + encode(vhost), "");
        try {
            management("PUT", "/api/permissions/%s/%s".formatted(encode(vhost), encode(suite.rabbitUser())),
                    "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
            List<String> arguments = List.of("-x", "1", "-y", "1", "-f", "persistent", "-c", "50", "-q", "50",
                    "-z", Integer.toString(options.perfTestSeconds()), "-s", "200");
            String output = perfTest(vhost, arguments);
            return new Result(arguments, PerfTestSummary.parse(output));
        } finally {
            management("DELETE", "/api/vhosts/" + encode(vhost), null);
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

    private void management(String method, String path, String json) {
        String auth = Base64.getEncoder().encodeToString((suite.rabbitUser() + ":" + suite.rabbitPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = Http.request(suite.rabbitManagement().resolve(path))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = Http.send(request).join();
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("RabbitMQ management %s %s: %d %s".formatted(method, path, response.statusCode(),
                    response.body()));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
