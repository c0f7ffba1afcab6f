package com.changgou.eureka;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The registry routes the shop's traffic: whoever may register an instance may send shoppers to
 * it, and whoever may delete one may take the shop down. So every registry call (and the
 * dashboard) needs the suite's registry account over HTTP Basic; only health and info are open.
 * CSRF is off because the callers are Eureka clients sending Basic credentials on every request,
 * not browsers holding a session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class RegistrySecurity {

    @Bean
    SecurityFilterChain registryFilterChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // Prometheus scrapes from inside: the app listens on BIND_ADDRESS, which no route reaches.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    UserDetailsService registryAccount(RegistryProperties registry, PasswordEncoder encoder) {
        if (registry.password() == null || registry.password().isBlank()) {
            throw new IllegalStateException("registry.password is not set: set EUREKA_PASSWORD (the apps carry the "
                    + "same account in their EUREKA_URL)");
        }
        return new InMemoryUserDetailsManager(User.withUsername(registry.user())
                .password(encoder.encode(registry.password())).roles("REGISTRY_CLIENT").build());
    }

    /**
     * SHA-256, compared in constant time. The registry password is a long random machine secret
     * (no dictionary to slow down), and every heartbeat and registry fetch of every app presents
     * it: BCrypt would spend tens of milliseconds of CPU on each.
     */
    @Bean
    PasswordEncoder machineSecretEncoder() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return HexFormat.of().formatHex(sha256(raw));
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return encoded != null && MessageDigest.isEqual(
                        encode(raw).getBytes(StandardCharsets.US_ASCII), encoded.getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    private static byte[] sha256(CharSequence raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
