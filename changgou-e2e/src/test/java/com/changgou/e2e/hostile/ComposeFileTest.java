package com.changgou.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as the machine's compose client reads it (Debian's docker-compose; there is
 * no engine here, so `config` is as far as it goes): two of each app behind HAProxy, the only
 * service published; a three-node RabbitMQ cluster; every secret required; the pay service on `prod`.
 */
class ComposeFileTest {

    private static final List<String> REPLICATED_APPS = List.of("gateway", "web-order", "order", "pay", "user");
    private static final List<String> RABBITMQ_NODES = List.of("rabbitmq-1", "rabbitmq-2", "rabbitmq-3");

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
            Map.entry("OPERATOR_USERNAME", "ops-lead"), Map.entry("OPERATOR_PASSWORD", "y3"),
            // no default: a cookie known from the repository would let anyone who reaches a node run it
            Map.entry("RABBITMQ_ERLANG_COOKIE", "cookie-z1"));

    @Test
    void onlyHaproxyIsPublishedAndPayRunsTheProdProfile() throws Exception {
        Result config = compose(SECRETS, "config");
        assertThat(config.exit()).as(config.output()).isZero();

        Map<String, String> published = publishedPorts(config.output());
        assertThat(published).containsOnlyKeys("haproxy");
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

        assertThat(publishedPorts(config.output())).containsEntry("haproxy", "published: 8080");
        assertThat(config.output()).doesNotContain("published: 8081")
                .contains("OPERATOR_USERNAME: ops-lead", "bash /scripts/rabbitmq-definitions.sh",
                        "/deploy/rabbitmq/definitions.json");
        assertThat(Files.readString(repositoryRoot().resolve("deploy/rabbitmq/enabled_plugins")))
                .contains("rabbitmq_prometheus", "rabbitmq_management", "rabbitmq_web_stomp");
    }

    @Test
    void everyAppRunsTwiceEachReplicaRegisteringItsOwnAddress() throws Exception {
        Map<String, String> services = services(compose(SECRETS, "config").output());

        for (String app : REPLICATED_APPS) {
            assertThat(services.get(app)).as(app)
                    .contains("    deploy:\n      replicas: 2\n", "      EUREKA_PREFER_IP: \"true\"\n",
                            "      INSTANCE_IP: $${spring.cloud.client.ip-address}\n",
                            "      EUREKA_INSTANCE_INSTANCEID: $${spring.application.name}:$${spring.cloud.client.ip-address}:")
                    .doesNotContain("container_name:", "INSTANCE_HOST:");
        }
    }

    @Test
    void haproxyBalancesOverTheGatewaysDockerFindsAndTheNotificationsComeThroughIt() throws Exception {
        Result config = compose(SECRETS, "config");
        Map<String, String> services = services(config.output());

        assertThat(services.get("haproxy"))
                .contains("/deploy/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        assertThat(Files.readString(repositoryRoot().resolve("deploy/haproxy/haproxy.cfg")))
                .contains("nameserver dns 127.0.0.11:53", "server-template gateway 2 gateway:8080 check port 8081",
                        "http-check send meth GET uri /actuator/health", "option redispatch", "retries 2",
                        "retry-on conn-failure empty-response", "timeout tunnel 1h", "bind :15674",
                        "server rabbitmq-1 rabbitmq-1:15674 check");
        // the sandbox's WeChat posts to the shop's one address; no URL names a gateway replica
        assertThat(services.get("sandbox")).contains("WXPAY_NOTIFY_URL: http://haproxy:8080/api/pay/wxpay/notify");
        assertThat(services.get("gateway")).contains("WEBSTOMP_UPSTREAM: ws://haproxy:15674");
        assertThat(config.output()).doesNotContain("//gateway:");
    }

    @Test
    void threeRabbitmqNodesFormOneClusterThatEveryAppKnowsWhole() throws Exception {
        Map<String, String> services = services(compose(SECRETS, "config").output());

        String clusterConf = Files.readString(repositoryRoot().resolve("deploy/rabbitmq/cluster.conf"));
        assertThat(clusterConf).contains("cluster_formation.peer_discovery_backend = classic_config");
        for (String node : RABBITMQ_NODES) {
            assertThat(services.get(node)).as(node)
                    .contains("    hostname: " + node + "\n", "      RABBITMQ_ERLANG_COOKIE: cookie-z1\n",
                            "/deploy/rabbitmq/cluster.conf:/etc/rabbitmq/conf.d/",
                            "/deploy/rabbitmq/enabled_plugins:/etc/rabbitmq/enabled_plugins:ro",
                            "    - " + node + ":/var/lib/rabbitmq", "rabbitmq-diagnostics");
            assertThat(clusterConf).contains("= rabbit@" + node + "\n");
            // the definitions go in once the cluster has formed
            assertThat(services.get("rabbitmq-setup")).contains("      " + node + ":\n        condition: service_healthy");
        }
        assertThat(services.get("rabbitmq-setup")).contains("RABBIT_MANAGEMENT_URL: http://rabbitmq-1:15672");
        for (String app : REPLICATED_APPS) {
            assertThat(services.get(app)).as(app)
                    .contains("      RABBIT_ADDRESSES: rabbitmq-1:5672,rabbitmq-2:5672,rabbitmq-3:5672\n");
        }
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
        return services(yaml).entrySet().stream()
                .filter(service -> service.getValue().lines().anyMatch(wanted::equals))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Service → its ports lines. */
    private static Map<String, String> publishedPorts(String yaml) {
        Map<String, String> published = new TreeMap<>();
        services(yaml).forEach((service, block) -> {
            boolean inPorts = false;
            for (String line : block.lines().toList()) {
                if (line.matches("    ports:.*")) {
                    inPorts = true;
                } else if (inPorts && line.matches("    - .*")) {
                    published.merge(service, line.trim().substring(2), (a, b) -> a + ", " + b);
                } else if (line.matches("    [a-z_]+:.*")) {
                    inPorts = false;
                }
            }
        });
        return published;
    }

    /** Service → its lines, read off compose's normalised output (two-space indents, services sorted). */
    private static Map<String, String> services(String yaml) {
        Map<String, String> services = new TreeMap<>();
        String service = null;
        boolean inServices = false;
        for (String line : yaml.lines().toList()) {
            if (!line.startsWith(" ")) {
                inServices = line.equals("services:");
            } else if (inServices && line.matches("  [a-z][a-z0-9_-]*:")) {
                service = line.trim().replace(":", "");
                services.put(service, "");
            } else if (inServices) {
                services.merge(service, line + "\n", String::concat);
            }
        }
        return services;
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
