package com.changgou.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.e2e.support.Http;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * deploy/rabbitmq/definitions.json against the broker of the started suite: what `./changgou up`
 * applied from it and what the apps then declared themselves agree, name for name and argument for
 * argument, and the users' rights the scripts set are the file's. The file speaks of vhost "/" and
 * the default names; this run has its own vhost, broker users and order timeout, mapped here.
 */
@ExtendWith(SuiteExtension.class)
class BrokerDefinitionsTest {

    private static final String API = "http://127.0.0.1:15672/api";
    private static final Pattern DELAY_QUEUE = Pattern.compile("order\\.timeout\\.delay\\.[0-9]+s");
    /** Queues nobody names: browsers' Web STOMP subscriptions and server-named (auto-named) queues. */
    private static final Pattern NOT_OURS = Pattern.compile("stomp-subscription-.*|amq\\.gen-.*|spring\\.gen-.*");

    private JsonNode file;
    private String vhost;
    private String delayQueue;
    private long delayMillis;

    @BeforeEach
    void read(Suite suite) throws Exception {
        file = Http.JSON.readTree(Files.readString(suite.root().resolve("deploy/rabbitmq/definitions.json")));
        vhost = suite.vhost();
        Duration timeout = Duration.parse(suite.setting("ORDER_TIMEOUT"));
        delayQueue = "order.timeout.delay.%ds".formatted(timeout.toSeconds());
        delayMillis = timeout.toMillis();
    }

    @Test
    void everyExchangeOfTheFileIsOnTheBrokerAsTheFileSays() {
        for (JsonNode exchange : file.path("exchanges")) {
            JsonNode live = get("/exchanges/%s/%s", vhost, exchange.path("name").asString());
            for (String field : List.of("type", "durable", "auto_delete", "internal")) {
                assertThat(live.path(field).asString()).as("%s of exchange %s", field, exchange.path("name").asString())
                        .isEqualTo(exchange.path(field).asString());
            }
            assertThat(arguments(live)).as("arguments of exchange %s", exchange.path("name").asString())
                    .isEqualTo(arguments(exchange));
        }
    }

    @Test
    void everyQueueOfTheFileIsOnTheBrokerWithItsArguments() {
        for (JsonNode queue : file.path("queues")) {
            String name = runName(queue.path("name").asString());
            JsonNode live = get("/queues/%s/%s", vhost, name);
            assertThat(live.path("durable").asBoolean()).as("queue %s durable", name).isEqualTo(queue.path("durable").asBoolean());
            assertThat(live.path("auto_delete").asBoolean()).as("queue %s auto_delete", name)
                    .isEqualTo(queue.path("auto_delete").asBoolean());
            Map<String, String> expected = arguments(queue);
            if (DELAY_QUEUE.matcher(queue.path("name").asString()).matches()) {
                expected.put("x-message-ttl", Long.toString(delayMillis));
            }
            assertThat(arguments(live)).as("arguments of queue %s", name).isEqualTo(expected);
        }
    }

    @Test
    void everyBindingOfTheFileIsOnTheBroker() {
        List<String> live = new ArrayList<>();
        for (JsonNode binding : get("/bindings/%s", vhost)) {
            live.add(binding(binding.path("source").asString(), binding.path("destination").asString(),
                    binding.path("destination_type").asString(), binding.path("routing_key").asString()));
        }
        for (JsonNode binding : file.path("bindings")) {
            assertThat(live).contains(binding(binding.path("source").asString(), runName(binding.path("destination").asString()),
                    binding.path("destination_type").asString(), runName(binding.path("routing_key").asString())));
        }
    }

    @Test
    void everyPolicyOfTheFileIsOnTheBroker() {
        for (JsonNode policy : file.path("policies")) {
            JsonNode live = get("/policies/%s/%s", vhost, policy.path("name").asString());
            assertThat(live.path("pattern").asString()).isEqualTo(policy.path("pattern").asString());
            assertThat(live.path("apply-to").asString()).isEqualTo(policy.path("apply-to").asString());
            assertThat(live.path("priority").asInt()).isEqualTo(policy.path("priority").asInt());
            assertThat(flat(live.path("definition"))).isEqualTo(flat(policy.path("definition")));
        }
    }

    @Test
    void everyQueueAndExchangeTheAppsDeclaredIsInTheFile() {
        List<String> queues = new ArrayList<>();
        for (JsonNode queue : file.path("queues")) {
            queues.add(runName(queue.path("name").asString()));
        }
        List<String> exchanges = new ArrayList<>();
        for (JsonNode exchange : file.path("exchanges")) {
            exchanges.add(exchange.path("name").asString());
        }
        for (JsonNode queue : get("/queues/%s", vhost)) {
            String name = queue.path("name").asString();
            if (!NOT_OURS.matcher(name).matches()) {
                assertThat(queues).as("queue %s of vhost %s is in definitions.json", name, vhost).contains(name);
            }
        }
        for (JsonNode exchange : get("/exchanges/%s", vhost)) {
            String name = exchange.path("name").asString();
            if (!name.isEmpty() && !name.startsWith("amq.")) {
                assertThat(exchanges).as("exchange %s of vhost %s is in definitions.json", name, vhost).contains(name);
            }
        }
    }

    @Test
    void theUsersRightsAreTheOnesTheScriptsSet(Suite suite) {
        Map<String, String> users = Map.of(
                "changgou-pay", suite.setting("PAY_RABBIT_USER"),
                "changgou-order", suite.setting("ORDER_RABBIT_USER"),
                "changgou-user", suite.setting("USER_RABBIT_USER"),
                "webguest", "webguest");
        for (JsonNode permission : file.path("permissions")) {
            String user = users.get(permission.path("user").asString());
            assertThat(user).as("a run name for %s", permission.path("user").asString()).isNotNull();
            JsonNode live = get("/permissions/%s/%s", vhost, user);
            for (String right : List.of("configure", "write", "read")) {
                assertThat(live.path(right).asString()).as("%s of %s", right, user).isEqualTo(permission.path(right).asString());
            }
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode permission : file.path("topic_permissions")) {
            expected.add(topicPermission(users.get(permission.path("user").asString()), permission));
        }
        List<String> live = new ArrayList<>();
        for (JsonNode permission : get("/vhosts/%s/topic-permissions", vhost)) {
            live.add(topicPermission(permission.path("user").asString(), permission));
        }
        assertThat(live).as("topic permissions of vhost %s", vhost).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String topicPermission(String user, JsonNode permission) {
        return "%s on %s: write %s, read %s".formatted(user, permission.path("exchange").asString(),
                permission.path("write").asString(), permission.path("read").asString());
    }

    /** The file's default delay queue (order.timeout.delay.1800s) is this run's (ORDER_TIMEOUT). */
    private String runName(String name) {
        return DELAY_QUEUE.matcher(name).matches() ? delayQueue : name;
    }

    private static String binding(String source, String destination, String type, String routingKey) {
        return "%s -> %s %s [%s]".formatted(source, type, destination, routingKey);
    }

    /** Arguments as text, so 60000 sent as an int and read back as a long are one value. */
    private static Map<String, String> arguments(JsonNode node) {
        return flat(node.path("arguments"));
    }

    private static Map<String, String> flat(JsonNode object) {
        Map<String, String> values = new TreeMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }

    private static JsonNode get(String pathFormat, String... parts) {
        Object[] encoded = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            encoded[i] = URLEncoder.encode(parts[i], StandardCharsets.UTF_8).replace("+", "%20");
        }
        HttpResponse<String> response = Http.send(Http.request(URI.create(API + pathFormat.formatted(encoded)))
                .header("Authorization", Http.basic("guest", "guest")).GET().build());
        assertThat(response.statusCode()).as("GET %s: %s", response.uri(), response.body()).isEqualTo(200);
        return Http.json(response);
    }
}
