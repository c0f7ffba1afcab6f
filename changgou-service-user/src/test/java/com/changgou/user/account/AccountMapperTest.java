package com.changgou.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.changgou.user.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class AccountMapperTest {

    static final TestDatabase DB = new TestDatabase();
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        DB.drop();
    }

    @Autowired
    AccountMapper mapper;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccountReadsBackAsWritten() {
        AccountRow account = new AccountRow("alice", "{bcrypt}hash", List.of(Role.SHOPPER), NOW, NOW);
        mapper.insert(account);

        assertThat(mapper.findByUsername("alice")).isEqualTo(account);
        assertThat(mapper.findByUsername("bob")).isNull();
    }

    @Test
    void rolesAreStoredAsCommaSeparatedNames() {
        mapper.insert(new AccountRow("olga", "{bcrypt}hash", List.of(Role.SHOPPER, Role.OPERATOR), NOW, NOW));

        assertThat(jdbc.sql("SELECT roles FROM tb_user WHERE username = 'olga'").query(String.class).single())
                .isEqualTo("SHOPPER,OPERATOR");
        assertThat(mapper.findByUsername("olga").roles()).containsExactly(Role.SHOPPER, Role.OPERATOR);
    }

    @Test
    void aRowWithoutRolesIsAShopper() {
        jdbc.sql("INSERT INTO tb_user (username, password_hash, created_at, updated_at) VALUES ('sam', 'h', ?, ?)")
                .params(NOW, NOW).update();

        assertThat(mapper.findByUsername("sam").roles()).containsExactly(Role.SHOPPER);
    }

    @Test
    void namesCompareByteForByteSoCaseMakesAnotherName() {
        mapper.insert(new AccountRow("carol", "{bcrypt}lower", List.of(Role.SHOPPER), NOW, NOW));
        mapper.insert(new AccountRow("CAROL", "{bcrypt}upper", List.of(Role.SHOPPER), NOW, NOW));

        assertThat(mapper.findByUsername("carol").passwordHash()).isEqualTo("{bcrypt}lower");
        assertThat(mapper.findByUsername("Carol")).isNull();
    }

    @Test
    void aSecondAccountOfOneNameIsADuplicateKey() {
        mapper.insert(new AccountRow("dave", "{bcrypt}first", List.of(Role.SHOPPER), NOW, NOW));

        AccountRow again = new AccountRow("dave", "{bcrypt}second", List.of(Role.SHOPPER), NOW, NOW);
        assertThatThrownBy(() -> mapper.insert(again)).isInstanceOf(DuplicateKeyException.class);
    }
}
