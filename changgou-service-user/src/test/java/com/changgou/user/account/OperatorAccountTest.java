package com.changgou.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.security.TestTokens;
import com.changgou.user.FixtureJdbc;
import com.changgou.user.TestDatabase;
import com.changgou.user.UserApplication;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator account from the environment, against the machine's real MariaDB: made once with role
 * OPERATOR only, never given another password by a later start, never made out of a shopper's account.
 */
@Import(FixtureJdbc.class)
@SpringBootTest(properties = {"eureka.client.enabled=false", "spring.rabbitmq.listener.simple.auto-startup=false",
        "user.operator.username=Ops_Lead", "user.operator.password=first operator password"})
class OperatorAccountTest {

    static final TestDatabase DB = new TestDatabase();

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

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theServiceStartsWithTheOperatorFromItsEnvironmentAndOnlyThatRole() {
        Credentials operator = accounts.credentials("ops_lead");

        assertThat(operator.roles()).containsExactly(Role.OPERATOR);
        assertThat(encoder.matches("first operator password", operator.passwordHash())).isTrue();
    }

    @Test
    void aLaterStartWithAnotherPasswordLeavesTheOperatorsPasswordAsItIs() {
        String before = storedHash("ops_lead");

        start(new OperatorProperties("ops_lead", "a different password", 8));

        assertThat(storedHash("ops_lead")).isEqualTo(before);
        assertThat(encoder.matches("first operator password", before)).isTrue();
    }

    @Test
    void aShopperSquattingTheNameStopsTheStartAndStaysAShopper() {
        accounts.signUp("squatter", "shopper password");

        assertThatThrownBy(() -> start(new OperatorProperties("squatter", "operator password", 8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start")
                .hasMessageContaining("account squatter exists without the OPERATOR role");

        Credentials squatter = accounts.credentials("squatter");
        assertThat(squatter.roles()).containsExactly(Role.SHOPPER);
        assertThat(encoder.matches("shopper password", squatter.passwordHash())).isTrue();
    }

    @Test
    void aNameWithoutAPasswordStopsTheStartAndMakesNoAccount() {
        assertThatThrownBy(() -> start(new OperatorProperties("lonely", "", 8)))
                .hasMessageContaining("OPERATOR_USERNAME and OPERATOR_PASSWORD must be set together");
        assertThatThrownBy(() -> start(new OperatorProperties("lonely", "short", 8)))
                .hasMessageContaining("password must be 8 to 72 characters");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM tb_user WHERE username = 'lonely'").query(Long.class).single()).isZero();
    }

    @Test
    void noOperatorConfiguredIsFine() {
        start(new OperatorProperties(null, null, 12));
        start(new OperatorProperties(" ", "", 12));
    }

    @Test
    void underProdAnOperatorPasswordShorterThanTwelveCharactersStopsTheStart() throws Exception {
        int prodMinimum = prodProfile().bind("user.operator.min-password-chars", Integer.class).get();
        assertThat(prodMinimum).isEqualTo(12);

        assertThatThrownBy(() -> start(new OperatorProperties("prod_ops", "eleven char", prodMinimum)))
                .hasMessageContaining("password must be 12 to 72 characters");
        start(new OperatorProperties("prod_ops", "twelve chars", prodMinimum));
        assertThat(accounts.credentials("prod_ops").roles()).containsExactly(Role.OPERATOR);
    }

    @Test
    void theWholeApplicationRefusesToStartOverASquattedName() {
        accounts.signUp("taken_name", "shopper password");
        Map<String, Object> properties = new HashMap<>();
        DynamicPropertyRegistry collect = (name, value) -> properties.put(name, value.get());
        DB.register(collect);
        TestTokens.register(collect, TestTokens.GATEWAY);
        properties.put("server.port", "0");
        properties.put("eureka.client.enabled", "false");
        properties.put("spring.rabbitmq.listener.simple.auto-startup", "false");
        properties.put("user.operator.username", "taken_name");
        properties.put("user.operator.password", "operator password");

        // as arguments: they outrank application.yml, as the environment does in production
        String[] arguments = properties.entrySet().stream().map(e -> "--%s=%s".formatted(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        assertThatThrownBy(() -> new SpringApplicationBuilder(UserApplication.class).run(arguments).close())
                .hasStackTraceContaining("the user service refuses to start: account taken_name exists without the OPERATOR role");
    }

    private void start(OperatorProperties properties) {
        new OperatorAccount(accounts, properties).afterSingletonsInstantiated();
    }

    private String storedHash(String username) {
        return jdbc.sql("SELECT password_hash FROM tb_user WHERE username = ?").param(username).query(String.class).single();
    }

    private static Binder prodProfile() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
    }
}
