package com.changgou.e2e.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the suite runs with under test: its own ports, schemas and RabbitMQ vhost, so
 * a suite a developer has running on the standard ports, and the other tests sharing this
 * machine's services, are left alone.
 */
record SuiteEnvironment(Path root, Map<String, String> variables) {

    static final String ORDER_SCHEMA = "changgou_order_e2e";
    static final String PAY_SCHEMA = "changgou_pay_e2e";
    static final String VHOST = "changgou_e2e";

    static SuiteEnvironment forTests(Path root) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CHANGGOU_RUN_DIR", root.resolve("changgou-e2e/target/suite").toString());
        env.put("EUREKA_PORT", "18761");
        env.put("GATEWAY_PORT", "18080");
        env.put("ORDER_PORT", "19001");
        env.put("PAY_PORT", "19010");
        env.put("WEB_ORDER_PORT", "19011");
        env.put("SANDBOX_PORT", "19090");
        env.put("ORDER_DB_NAME", ORDER_SCHEMA);
        env.put("PAY_DB_NAME", PAY_SCHEMA);
        env.put("RABBIT_VHOST", VHOST);
        // WeChat's retry schedule (15 s, 15 s, 30 s, 3 min ...) a hundred times faster.
        env.put("SANDBOX_TIME_SCALE", "0.01");
        // Long enough for the 1,000-order burst to be placed and paid, short enough to watch orders close.
        env.put("ORDER_TIMEOUT", "PT60S");
        env.put("PAY_RECONCILE_GRACE", "PT3S");
        env.put("PAY_RECONCILE_INTERVAL", "PT1S");
        env.put("EUREKA_FETCH_SECONDS", "2");
        env.put("EUREKA_RENEW_SECONDS", "2");
        env.put("EUREKA_EXPIRE_SECONDS", "6");
        return new SuiteEnvironment(root, Map.copyOf(env));
    }

    int port(String variable) {
        return Integer.parseInt(variables.get(variable));
    }

    String url(String portVariable) {
        return "http://127.0.0.1:" + port(portVariable);
    }
}
