package com.changgou.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as the machine's compose client reads it (Debian's docker-compose; there is
 * no engine here, so `config` is as far as it goes): only the gateway is published, every secret
 * is required, and the pay service runs `prod`.
 */
class ComposeFileTest {

    private static final Map<String, String> SECRETS = Map.ofEntries(
            Map.entry("DB_ROOT_PASSWORD", "x1"), Map.entry("USER_DB_PASSWORD", "x2"), Map.entry("ORDER_DB_PASSWORD", "x3"),
            Map.entry("PAY_DB_PASSWORD", "x4"), Map.entry("RABBIT_ADMIN_PASSWORD", "x5"), Map.entry("PAY_RABBIT_PASSWORD", "x6"),
            Map.entry("ORDER_RABBIT_PASSWORD", "x7"), Map.entry("USER_RABBIT_PASSWORD", "x10"), Map.entry("WEBSTOMP_PASSWORD", "x8"), Map.entry("EUREKA_PASSWORD", "x9"),
            Map.entry("ORDER_SERVICE_PASSWORD", "y1"), Map.entry("GATEWAY_SERVICE_PASSWORD", "y2"),
            Map.entry("GATEWAY_JWT_KEY_DIR", "/etc/changgou/jwt"), Map.entry("WXPAY_APPID", "wxd678efh567hg6787"),
            Map.entry("WXPAY_MCH_ID", "1230000109"), Map.entry("WXPAY_KEY", "prodkey0123456789abcdef012345678"),
            Map.entry("WXPAY_NOTIFY_URL", "https://shop.example/api/pay/wxpay/notify"),
            Map.entry("WXPAY_REFUND_NOTIFY_URL", "https://shop.example/api/pay/wxpay/refund/notify"),
            Map.entry("WXPAY_CERT_DIR", "/etc/changgou/wxpay"), Map.entry("SHOP_PUBLIC_URL", "https://shop.example"),
            Map.entry("ALIPAY_APP_ID", "2021009999999999"), Map.entry("ALIPAY_KEY_DIR", "/etc/changgou/alipay"),
            Map.entry("OPERATOR_USERNAME", "ops-lead"), Map.entry("OPERATOR_PASSWORD", "y3"));

    @Test
    void onlyTheGatewayIsPublishedAndPayRunsTheProdProfile() throws Exception {
        Result config = compose(SECRETS, "config");
        assertThat(config.exit()).as(config.output()).isZero();

        Map<String, String> published = publishedPorts(config.output());
        assertThat(published).containsOnlyKeys("gateway");
        assertThat(config.output()).contains("SPRING_PROFILES_ACTIVE: prod").doesNotContain("15674:", "3306:", "5672:");
        AttackReport.print("hostile-network", "what docker-compose.yml publishes", "only " + published);
    }

    @Test
    void everySecretIsRequired() throws Exception {
        for (String secret : SECRETS.keySet()) {
            Map<String, String> missing = new LinkedHashMap<>(SECRETS);
            missing.remove(secret);
            Result config = compose(missing, "config", "-q");
            assertThat(config.exit()).as("without " + secret).isNotZero();
            assertThat(config.output()).as("without " + secret).contains(secret);
        }
    }

    @Test
    void theGatewaysManagementPortStaysInsideAndTheBrokerGetsItsTopologyAndPrometheusPlugin() throws Exception {
        Result config = compose(SECRETS, "config");

        assertThat(publishedPorts(config.output())).containsEntry("gateway", "published: 8080");
        assertThat(config.output()).doesNotContain("published: 8081")
                .contains("OPERATOR_USERNAME: ops-lead", "bash /scripts/rabbitmq-definitions.sh",
                        "/deploy/rabbitmq/definitions.json");
        assertThat(Files.readString(repositoryRoot().resolve("deploy/rabbitmq/enabled_plugins")))
                .contains("rabbitmq_prometheus", "rabbitmq_management", "rabbitmq_web_stomp");
    }

    @Test
    void theSandboxRunsOnlyInTheTrialProfile() throws Exception {
        Result config = compose(SECRETS, "config");

        // compose 1.29 lists every service in `config`; the profile decides which ones `up` starts
        assertThat(servicesWith(config.output(), "    profiles:")).containsExactly("sandbox");
        assertThat(config.output()).contains("    profiles:\n    - trial");
    }

    /** The services whose block holds this line. */
    private static List<String> servicesWith(String yaml, String wanted) {
        List<String> services = new ArrayList<>();
        String service = null;
        boolean inServices = false;
        for (String line : yaml.lines().toList()) {
            if (!line.startsWith(" ")) {
                inServices = line.equals("services:");
            } else if (inServices && line.matches("  [a-z][a-z0-9_-]*:")) {
                service = line.trim().replace(":", "");
            } else if (inServices && line.equals(wanted)) {
                services.add(service);
            }
        }
        return services;
    }

    /** Service → its ports lines, read off compose's normalised output (two-space indents). */
    private static Map<String, String> publishedPorts(String yaml) {
        Map<String, String> published = new TreeMap<>();
        String service = null;
        boolean inServices = false;
        boolean inPorts = false;
        for (String line : yaml.lines().toList()) {
            if (!line.startsWith(" ")) {
                inServices = line.equals("services:");
                continue;
            }
            if (inServices && line.matches("  [a-z][a-z0-9_-]*:")) {
                service = line.trim().replace(":", "");
                inPorts = false;
            } else if (inServices && line.matches("    ports:.*")) {
                inPorts = true;
            } else if (inServices && inPorts && line.matches("    - .*")) {
                published.merge(service, line.trim().substring(2), (a, b) -> a + ", " + b);
            } else if (line.matches("    [a-z_]+:.*")) {
                inPorts = false;
            }
        }
        return published;
    }

    private record Result(int exit, String output) {
    }

    private static Result compose(Map<String, String> env, String... arguments) throws IOException, InterruptedException {
        Path root = repositoryRoot();
        String[] command = new String[arguments.length + 3];
        command[0] = "docker-compose";
        command[1] = "-f";
        command[2] = root.resolve("docker-compose.yml").toString();
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(SECRETS::containsKey);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker-compose did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
