package com.changgou.pay.wechat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * The WeChat sandbox module's jar, run as a process of its own on a free port. In-process it would
 * bring its own application.yml and web stack onto this module's classpath.
 */
final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SandboxProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The built sandbox jar beside this module, if the reactor has packaged it. */
    static Optional<Path> jar() throws IOException {
        Path target = Path.of("..", "changgou-wxpay-sandbox", "target").toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("changgou-wxpay-sandbox-.*\\.jar")
                    && !f.getFileName().toString().endsWith("-plain.jar")).findFirst();
        }
    }

    static SandboxProcess start(Path jar, String appId, String mchId, String key) throws IOException {
        int port = freePort();
        Path log = Path.of("target", "sandbox-for-wechat-client-test.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--eureka.client.enabled=false",
                "--sandbox.app-id=" + appId,
                "--sandbox.mch-id=" + mchId,
                "--sandbox.key=" + key,
                "--sandbox.time-scale=0.01"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SandboxProcess sandbox = new SandboxProcess(process, port);
        try {
            sandbox.awaitHealthy(log);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** POST /sandbox/api/scan: the shopper scans the code and pays (or fails). */
    int scan(String codeUrl, String outcome) throws IOException, InterruptedException {
        return postJson("/sandbox/api/scan", "{\"codeUrl\":\"%s\",\"outcome\":\"%s\"}".formatted(codeUrl, outcome));
    }

    int fault(String outTradeNo, String mode) throws IOException, InterruptedException {
        return postJson("/sandbox/api/faults", "{\"outTradeNo\":\"%s\",\"mode\":\"%s\"}".formatted(outTradeNo, mode));
    }

    private int postJson(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void awaitHealthy(Path log) {
        // Two shared cores and other builds running: a Boot app may take a while to come up.
        Awaitility.await("sandbox on port " + port + " healthy (log " + log + ")")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("sandbox exited with " + process.exitValue() + ", see " + log);
                    }
                    try {
                        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2)).build();
                        return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
