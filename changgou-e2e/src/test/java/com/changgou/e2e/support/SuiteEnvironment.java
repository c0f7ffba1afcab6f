package com.changgou.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the suite runs with under test: its own ports, schemas and RabbitMQ vhost, so
 * a suite a developer has running on the standard ports, and the other tests sharing this
 * machine's services, are left alone.
 */
record SuiteEnvironment(Path root, String name, Map<String, String> variables) {

    /**
     * Two test runs on one machine keep apart by name and port offset (environment variables
     * CHANGGOU_E2E_NAME, CHANGGOU_E2E_PORT_OFFSET); by default the suite's standard ports + 10000.
     */
    static SuiteEnvironment forTests(Path root) {
        String name = System.getenv().getOrDefault("CHANGGOU_E2E_NAME", "e2e");
        int offset = Integer.parseInt(System.getenv().getOrDefault("CHANGGOU_E2E_PORT_OFFSET", "10000"));
        return of(root, name, offset, Map.of());
    }

    /**
     * Two of everything on a three-node RabbitMQ cluster of the run's own ({@code ./changgou up
     * --instances 2 --cluster}): its own name, ports (the standard ones + 20000 by default,
     * CHANGGOU_E2E_SCALEOUT_PORT_OFFSET) and cluster nodes (31810.. by default), so it never meets the
     * one-of-each suite or the machine's broker.
     */
    static SuiteEnvironment forScaleOut(Path root) {
        String name = System.getenv().getOrDefault("CHANGGOU_E2E_NAME", "e2e") + "-scaleout";
        int offset = Integer.parseInt(System.getenv().getOrDefault("CHANGGOU_E2E_SCALEOUT_PORT_OFFSET", "20000"));
        return of(root, name, offset, Map.of(
                "CHANGGOU_INSTANCES", "2",
                "CHANGGOU_RABBIT_CLUSTER", "1",
                "RABBIT_CLUSTER_NAME", "changgou-" + name,
                "RABBIT_CLUSTER_PORT", Integer.toString(11800 + offset)));
    }

    private static SuiteEnvironment of(Path root, String name, int offset, Map<String, String> shape) {
        Map<String, String> env = new LinkedHashMap<>(shape);
        // The reactor has just packaged every app; the tests run those jars and never rebuild them.
        env.put("CHANGGOU_SKIP_BUILD", "1");
        env.put("CHANGGOU_RUN_DIR", root.resolve("changgou-e2e/target/suite-" + name).toString());
        env.put("EUREKA_PORT", Integer.toString(8761 + offset));
        env.put("GATEWAY_PORT", Integer.toString(8080 + offset));
        env.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(8081 + offset));
        env.put("USER_PORT", Integer.toString(9002 + offset));
        env.put("ORDER_PORT", Integer.toString(9001 + offset));
        env.put("PAY_PORT", Integer.toString(9010 + offset));
        env.put("WEB_ORDER_PORT", Integer.toString(9011 + offset));
        env.put("SANDBOX_PORT", Integer.toString(9090 + offset));
        env.put("SANDBOX_TLS_PORT", Integer.toString(9443 + offset));
        // Derived settings too, so that nothing inherited from the caller points at another suite.
        // (EUREKA_URL carries the registry account: ./changgou builds it from this run's secrets.)
        env.put("WXPAY_BASE_URL", "http://127.0.0.1:%d".formatted(9090 + offset));
        env.put("SANDBOX_PUBLIC_URL", "http://127.0.0.1:%d".formatted(9090 + offset));
        env.put("WXPAY_NOTIFY_URL", "http://127.0.0.1:%d/api/pay/wxpay/notify".formatted(8080 + offset));
        env.put("WXPAY_SECURE_BASE_URL", "https://127.0.0.1:%d".formatted(9443 + offset));
        env.put("WXPAY_REFUND_NOTIFY_URL", "http://127.0.0.1:%d/api/pay/wxpay/refund/notify".formatted(8080 + offset));
        env.put("SHOP_PUBLIC_URL", "http://127.0.0.1:%d".formatted(8080 + offset));
        env.put("ALIPAY_GATEWAY_URL", "http://127.0.0.1:%d/alipay/gateway.do".formatted(9090 + offset));
        env.put("ALIPAY_NOTIFY_URL", "http://127.0.0.1:%d/api/pay/alipay/notify".formatted(8080 + offset));
        env.put("ALIPAY_RETURN_URL", "http://127.0.0.1:%d/api/wxpay/paysuccess".formatted(8080 + offset));
        env.put("USER_DB_NAME", "changgou_user_" + name);
        env.put("ORDER_DB_NAME", "changgou_order_" + name);
        env.put("PAY_DB_NAME", "changgou_pay_" + name);
        env.put("RABBIT_VHOST", "changgou_" + name);
        // Broker users are server-wide: this run's have names of their own (database users are
        // named after their schemas already).
        env.put("PAY_RABBIT_USER", "changgou-pay-" + name);
        env.put("ORDER_RABBIT_USER", "changgou-order-" + name);
        env.put("USER_RABBIT_USER", "changgou-user-" + name);
        env.put("OPERATOR_USERNAME", "operator-" + name);
        // Sessions and sign-in counters in the machine's Redis, under keys of this run only.
        env.put("GATEWAY_SESSION_NAMESPACE", redisPrefix(name) + "session");
        env.put("GATEWAY_SIGN_IN_KEY_PREFIX", redisPrefix(name) + "sign-in-failures:");
        env.put("SPRING_PROFILES_ACTIVE", "local");
        // WeChat's retry schedule (15 s, 15 s, 30 s, 3 min ...) a hundred times faster.
        env.put("SANDBOX_TIME_SCALE", "0.01");
        // Long enough for the 1,000-order burst to be placed and paid, short enough to watch orders close.
        env.put("ORDER_TIMEOUT", "PT60S");
        env.put("PAY_RECONCILE_GRACE", "PT3S");
        env.put("PAY_RECONCILE_INTERVAL", "PT1S");
        // the hostile suite's polling loop counts on one orderquery per record in this interval
        env.put("PAY_STATUS_QUERY_INTERVAL", "PT5S");
        // Refunds WeChat could not take yet, and refunds no notification settled, are asked about
        // within seconds, so the refund fault cases settle well inside their minute.
        env.put("PAY_REFUND_QUERY_GRACE", "PT2S");
        env.put("PAY_REFUND_BACKOFF_INITIAL", "PT1S");
        env.put("PAY_REFUND_BACKOFF_MAX", "PT5S");
        env.put("ORDER_REFUND_RETRY_BACKOFF", "PT1S");
        env.put("ORDER_REFUND_MAX_BACKOFF", "PT5S");
        env.put("EUREKA_FETCH_SECONDS", "2");
        env.put("EUREKA_RENEW_SECONDS", "2");
        env.put("EUREKA_EXPIRE_SECONDS", "6");
        return new SuiteEnvironment(root, name, Map.copyOf(env));
    }

    static String redisPrefix(String name) {
        return "changgou-" + name + ":";
    }

    /** A secret this run's ./changgou made (database, broker, registry passwords...). */
    String secret(String name) {
        Path file = Path.of(variables.get("CHANGGOU_RUN_DIR"), "secrets", "secrets.env");
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(name + "="))
                    .map(line -> line.substring(name.length() + 1))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no %s in %s".formatted(name, file)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    String variable(String name) {
        return variables.get(name);
    }

    int port(String variable) {
        return Integer.parseInt(variables.get(variable));
    }

    /** True when the suite runs on a RabbitMQ cluster of its own rather than the machine's broker. */
    boolean ownCluster() {
        return "1".equals(variables.get("CHANGGOU_RABBIT_CLUSTER"));
    }

    /** The management API the suite's broker answers on: the machine's, or node 1 of its own cluster. */
    String rabbitManagementUrl() {
        return ownCluster() ? "http://127.0.0.1:" + (port("RABBIT_CLUSTER_PORT") + 12) : "http://127.0.0.1:15672";
    }

    String url(String portVariable) {
        return "http://127.0.0.1:" + port(portVariable);
    }
}
