package com.changgou.pay.support;

import com.changgou.order.api.OrderFeign;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Stand-ins for the two neighbours these tests do not run: WeChat and the order service. */
@TestConfiguration(proxyBeanMethods = false)
public class PayTestBeans {

    @Bean
    @Primary
    ScriptedWechat scriptedWechat() {
        return new ScriptedWechat();
    }

    @Bean
    @Primary
    FakeOrders fakeOrders() {
        return new FakeOrders();
    }

    /**
     * Feign clients are primary beans, so the fake could not outrank the real client, which
     * would only try to reach an order service that is not running: demote the real one.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor orderFeignClientNotPrimary() {
        return registry -> {
            String feignClient = OrderFeign.class.getName();
            if (registry.containsBeanDefinition(feignClient)) {
                registry.getBeanDefinition(feignClient).setPrimary(false);
            }
        };
    }

    /**
     * What the tests write and read around the app, on connections that commit each statement: the
     * app's pool does not auto-commit (changgou-defaults.yml), so a row written through it outside a
     * transaction would be rolled back when its connection went back, unseen by the app.
     */
    @Bean
    JdbcTemplate fixtureJdbcTemplate(DataSourceProperties app) {
        return new JdbcTemplate(new DriverManagerDataSource(app.determineUrl(), app.determineUsername(),
                app.determinePassword()));
    }

    /** Lets the run's clean-up close this context before dropping its schema and vhost. */
    @Bean
    static ApplicationContextAware contextKeeper() {
        return ctx -> TestInfra.remember((ConfigurableApplicationContext) ctx);
    }
}
