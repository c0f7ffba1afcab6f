package com.changgou.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.changgou.common.Result;
import com.changgou.common.StatusCode;
import com.changgou.security.TestTokens;
import com.changgou.user.account.AccountView;
import com.changgou.user.account.Credentials;
import com.changgou.user.account.Role;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.telemetry.NoopTelemetryHandler;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The user service over HTTP against its own schema on the machine's real MariaDB, called as the
 * gateway calls it: with the gateway's own account.
 */
// the order events' listener stays off: these tests are about accounts (OrderEventsTest runs it against a broker)
@Import(FixtureJdbc.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"eureka.client.enabled=false",
        "spring.rabbitmq.listener.simple.auto-startup=false"})
class AccountsApplicationTest {

    static final TestDatabase DB = new TestDatabase();
    static final ParameterizedTypeReference<Result<AccountView>> ACCOUNT = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<Result<Credentials>> CREDENTIALS = new ParameterizedTypeReference<>() { };

    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @DynamicPropertySource
    static void databaseAndCredentials(DynamicPropertyRegistry registry) {
        DB.register(registry);
        TestTokens.register(registry, TestTokens.GATEWAY);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        DB.drop();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aShopperSignsUpAndTheirCredentialsHoldABcryptHashOfThePassword() {
        ResponseEntity<Result<AccountView>> created = signUp("erin", "correct horse battery");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().data()).isEqualTo(new AccountView("erin", List.of(Role.SHOPPER)));

        ResponseEntity<Result<Credentials>> read = credentials("erin");
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        Credentials credentials = read.getBody().data();
        assertThat(credentials.roles()).containsExactly(Role.SHOPPER);
        assertThat(credentials.passwordHash()).startsWith("{bcrypt}").isEqualTo(storedHash("erin"));
        assertThat(encoder.matches("correct horse battery", credentials.passwordHash())).isTrue();
        assertThat(encoder.matches("correct horse battery!", credentials.passwordHash())).isFalse();
    }

    @Test
    void aliceAndALICEAreOneAccount() {
        assertThat(signUp("Alice", "first password").getStatusCode().value()).isEqualTo(201);

        ResponseEntity<Result<AccountView>> second = signUp("alice", "second password");
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody().code()).isEqualTo(StatusCode.REPERROR);
        assertThat(second.getBody().message()).isEqualTo("username alice is taken");
        assertThat(signUp(" ALICE ", "third password").getStatusCode().value()).isEqualTo(409);

        Credentials credentials = credentials("ALICE").getBody().data();
        assertThat(credentials.username()).isEqualTo("alice");
        assertThat(encoder.matches("first password", credentials.passwordHash())).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tb_user WHERE LOWER(username) = 'alice'").query(Long.class).single())
                .isOne();
    }

    /**
     * The refused insert is the first statement of its transaction and fails with a duplicate key; the
     * pool does not auto-commit, so only the rollback ends that transaction. Were it skipped (as
     * Connector/J's useLocalTransactionState does after an error packet), the connection would go back
     * to the pool still holding the table, and the lock below would wait it out.
     */
    @Test
    void aRefusedSignUpLeavesNoTransactionHoldingTheTable() {
        assertThat(signUp("grace", "first password").getStatusCode().value()).isEqualTo(201);
        assertThat(signUp("grace", "second password").getStatusCode().value()).isEqualTo(409);

        assertThatCode(() -> DB.lockBriefly("tb_user", 3)).doesNotThrowAnyException();
    }

    /**
     * Connector/J would trace every statement through OpenTelemetry's global instance, which the apps never
     * set (their spans go through Micrometer's tracer): spans nobody records, each moving the thread's
     * context and log MDC in and out (changgou-defaults.yml).
     */
    @Test
    void thePoolsConnectionsDoNotTraceEachStatementOfTheirOwn() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(JdbcConnection.class).getSession().getTelemetryHandler())
                    .isInstanceOf(NoopTelemetryHandler.class);
        }
    }

    @Test
    void twoConcurrentSignUpsOfOneNameGiveOneAccountAndOneConflict() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> attempts = List.of("password one", "password two").stream()
                    .map(password -> CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return signUp("frank", password).getStatusCode().value();
                    }, pool))
                    .toList();

            List<Integer> statuses = attempts.stream().map(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).toList();
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        String hash = credentials("frank").getBody().data().passwordHash();
        assertThat(encoder.matches("password one", hash) ^ encoder.matches("password two", hash)).isTrue();
    }

    @Test
    void aPasswordOf73BytesIsRefusedAndNoAccountIsMade() {
        String password = "é".repeat(36) + "a";

        ResponseEntity<Result<AccountView>> refused = signUp("grace", password);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().message())
                .isEqualTo("password must be at most 72 bytes in UTF-8 (BCrypt's limit)");
        assertThat(credentials("grace").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anUnknownAccountHasNoCredentials() {
        ResponseEntity<Result<Credentials>> read = credentials("nobody");

        assertThat(read.getStatusCode().value()).isEqualTo(404);
        assertThat(read.getBody().code()).isEqualTo(StatusCode.NOTFOUNDERROR);
        assertThat(read.getBody().message()).isEqualTo("account nobody not found");
    }

    @Test
    void theAccountApiAnswersTheGatewaysOwnAccountAndNobodyElse() {
        signUp("heidi", "correct horse battery");
        // what a caller sends, and the answer it gets: a known shopper may not (403), a stranger is nobody (401)
        Map<String, Integer> strangers = Map.of(
                "", 401,
                TestTokens.shopper("heidi"), 403,
                TestTokens.signedByAnotherKey("heidi"), 401,
                TestTokens.expired("heidi"), 401,
                TestTokens.issuedBy("changgou-web-order", "heidi"), 401,
                TestTokens.forAudience("changgou-browser", "heidi"), 401,
                TestTokens.basic(TestTokens.GATEWAY, "not-the-secret"), 401,
                TestTokens.basic("changgou-service-order", TestTokens.GATEWAY_SECRET), 401);

        strangers.forEach((authorization, status) -> {
            assertThat(http().get().uri("/internal/user/accounts/heidi/credentials")
                    .headers(h -> credential(h, authorization)).header("X-User-Name", "heidi")
                    .retrieve().toEntity(String.class).getStatusCode().value()).as(authorization).isEqualTo(status);
            assertThat(http().post().uri("/internal/user/accounts").headers(h -> credential(h, authorization))
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("username", "ivan", "password", "correct horse battery"))
                    .retrieve().toEntity(String.class).getStatusCode().value()).as(authorization).isEqualTo(status);
        });

        assertThat(credentials("ivan").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aShoppersTokenIsForbiddenAndNoCredentialIsUnauthorised() {
        assertThat(http().get().uri("/internal/user/accounts/heidi/credentials")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.shopper("heidi"))
                .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http().get().uri("/internal/user/accounts/heidi/credentials").header("X-User-Name", "heidi")
                .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void healthIsExposedForTheRegistryAndTheOrchestrator() {
        ResponseEntity<String> health = http().get().uri("/actuator/health").retrieve().toEntity(String.class);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"UP\"");
    }

    private ResponseEntity<Result<AccountView>> signUp(String username, String password) {
        return http().post().uri("/internal/user/accounts").header(HttpHeaders.AUTHORIZATION, TestTokens.gateway())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password))
                .retrieve().toEntity(ACCOUNT);
    }

    private ResponseEntity<Result<Credentials>> credentials(String username) {
        return http().get().uri("/internal/user/accounts/{username}/credentials", username)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.gateway())
                .retrieve().toEntity(CREDENTIALS);
    }

    private static void credential(HttpHeaders headers, String authorization) {
        if (!authorization.isEmpty()) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    private String storedHash(String username) {
        return jdbc.sql("SELECT password_hash FROM tb_user WHERE username = ?").param(username)
                .query(String.class).single();
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other sign-up never started", e);
        }
    }
}
