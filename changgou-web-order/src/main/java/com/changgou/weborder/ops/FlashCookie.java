package com.changgou.weborder.ops;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Carries a {@link Flash} across the redirect after an action, in a short-lived cookie the next page
 * reads once and clears. Not Spring's session flash: this app keeps no session (any instance may
 * render the next page), and behind the gateway's StripPrefix the paths it would match on differ
 * from the browser's. The cookie holds only the message, for the console's path only.
 */
@Component
class FlashCookie {

    static final String NAME = "ops_flash";
    private static final Duration LIFETIME = Duration.ofMinutes(1);
    /** Keeps the cookie well under the browsers' 4 KB per cookie. */
    private static final int MAX_MESSAGE = 600;
    private static final char SEPARATOR = '|';

    private final OpsLinks links;

    FlashCookie(OpsLinks links) {
        this.links = links;
    }

    void put(HttpServletResponse response, Flash flash) {
        String message = flash.message().length() <= MAX_MESSAGE ? flash.message()
                : flash.message().substring(0, MAX_MESSAGE) + "…";
        String value = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((flash.kind() + SEPARATOR + message).getBytes(StandardCharsets.UTF_8));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(value, LIFETIME).toString());
    }

    /** The flash the last action left, if any; it is cleared so a reload does not show it again. */
    Optional<Flash> take(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> value = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> NAME.equals(cookie.getName()))
                .map(Cookie::getValue)
                .findFirst();
        value.ifPresent(present -> response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString()));
        return value.flatMap(FlashCookie::decode);
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).path(links.home()).maxAge(maxAge).httpOnly(true).sameSite("Strict")
                .build();
    }

    private static Optional<Flash> decode(String value) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int separator = text.indexOf(SEPARATOR);
            if (separator < 0) {
                return Optional.empty();
            }
            String kind = text.substring(0, separator);
            return switch (kind) {
                case "done", "warning", "error" -> Optional.of(new Flash(kind, text.substring(separator + 1)));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
