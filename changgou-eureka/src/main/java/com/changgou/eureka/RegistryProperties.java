package com.changgou.eureka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one account the apps register with: {@code EUREKA_USER} / {@code EUREKA_PASSWORD}, the same
 * pair the apps carry in their {@code EUREKA_URL}. There is no default password.
 */
@ConfigurationProperties("registry")
record RegistryProperties(@DefaultValue("changgou") String user, String password) {
}
