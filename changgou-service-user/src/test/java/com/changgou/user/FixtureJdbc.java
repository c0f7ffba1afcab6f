package com.changgou.user;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What a test writes and reads around the app, on connections of its own that commit each statement.
 * The app's pool does not auto-commit (changgou-defaults.yml): a fixture row written through it outside
 * a transaction would be rolled back when its connection went back to the pool, unseen by the app.
 * Tests that run inside a test transaction ({@code @MybatisTest}) keep Boot's client on the app's pool.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixtureJdbc {

    @Bean
    JdbcClient fixtureJdbcClient(DataSourceProperties app) {
        return JdbcClient.create(new DriverManagerDataSource(app.determineUrl(), app.determineUsername(),
                app.determinePassword()));
    }
}
