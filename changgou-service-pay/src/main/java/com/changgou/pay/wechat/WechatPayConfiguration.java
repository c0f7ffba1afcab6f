package com.changgou.pay.wechat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Makes the merchant's {@link WechatPayClient} from {@code pay.wechat.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatPayProperties.class)
@Import(ProductionMerchant.class)
class WechatPayConfiguration {

    @Bean
    WechatPayClient wechatPayClient(WechatPayProperties properties) {
        return new WechatPayClient(properties);
    }
}
