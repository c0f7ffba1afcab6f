package com.changgou.eureka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registry over real HTTP, as a stranger and as the suite's registry account: nobody without
 * the account can add an instance (and so route shoppers to it) or delete one (and take the shop down).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.user=changgou", "registry.password=a-long-random-registry-secret"})
class RegistrySecurityTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String APP = "/eureka/apps/CHANGGOU-WEB-ORDER";
    private static final String ACCOUNT = basic("changgou", "a-long-random-registry-secret");

    @LocalServerPort
    private int port;

    @Test
    void aRegistrationWithoutTheAccountIsRefusedAndRoutesNothing() {
        HttpResponse<String> stranger = send("POST", APP, instance("evil.example"), null);
        HttpResponse<String> wrongPassword = send("POST", APP, instance("evil.example"), basic("changgou", "guess"));

        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(send("GET", APP, null, ACCOUNT).statusCode()).as("no such application registered").isEqualTo(404);
    }

    @Test
    void aDeletionWithoutTheAccountIsRefusedAndTheInstanceStays() {
        String instanceId = "127.0.0.1:changgou-web-order:" + port;
        assertThat(send("POST", APP, instance("127.0.0.1"), ACCOUNT).statusCode()).isEqualTo(204);

        HttpResponse<String> stranger = send("DELETE", APP + "/" + instanceId, null, null);

        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(send("GET", APP + "/" + instanceId, null, ACCOUNT).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", APP + "/" + instanceId, null, ACCOUNT).statusCode()).isEqualTo(200);
    }

    @Test
    void theRegistryAndItsDashboardAreClosedButHealthIsOpen() {
        assertThat(send("GET", "/eureka/apps", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAPasswordTheRegistryDoesNotStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(EurekaApplication.class)
                .run("--server.port=0", "--registry.password=").close())
                .hasStackTraceContaining("set EUREKA_PASSWORD");
    }

    /** An instance of web-order at {@code host}, as a Eureka client registers it. */
    private String instance(String host) {
        return """
                {"instance":{"instanceId":"127.0.0.1:changgou-web-order:%d","hostName":"%s","app":"CHANGGOU-WEB-ORDER",
                "ipAddr":"%s","status":"UP","port":{"$":9011,"@enabled":"true"},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}
                """.formatted(port, host, host);
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
