package com.changgou.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bench reads off the shop's pages and redirects, as a browser would find it there: the
 * forms' CSRF field, the new order's id in the order form's redirect, and on the wxpay page the
 * QR's content (the sandbox phone link's {@code code_url}) and the payment's push token (inside
 * the page's script, never in the markup). Empty when the page does not hold it.
 */
final class ShopPages {

    /** The hidden field the gateway's and web-order's forms carry: {@code name="_csrf" value="TOKEN"}. */
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern ORDER_ID = Pattern.compile("[?&]orderId=([^&#]+)");
    private static final Pattern PHONE_LINK = Pattern.compile("<a\\s[^>]*\\bid=\"phone-link\"[^>]*>");
    private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]*)\"");
    private static final Pattern CODE_URL = Pattern.compile("[?&]code_url=([^&#]*)");
    /** Thymeleaf inlines the token into the script as a JSON string literal. */
    private static final Pattern PUSH_TOKEN = Pattern.compile("\\btoken:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");

    private ShopPages() {
    }

    static Optional<String> csrfToken(String html) {
        Matcher field = CSRF_FIELD.matcher(html);
        return field.find() ? Optional.of(unescapeHtml(field.group(1))).filter(t -> !t.isEmpty()) : Optional.empty();
    }

    /** The order id in the {@code Location} the order form redirects to (the pay page of the new order). */
    static Optional<String> orderId(String location) {
        Matcher id = ORDER_ID.matcher(location);
        return id.find() ? Optional.of(URLDecoder.decode(id.group(1), StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** The payment's {@code code_url}: what the QR encodes, carried URL-encoded by the link to the sandbox phone. */
    static Optional<String> codeUrl(String wxpayPage) {
        Matcher link = PHONE_LINK.matcher(wxpayPage);
        if (!link.find()) {
            return Optional.empty();
        }
        Matcher href = HREF.matcher(link.group());
        if (!href.find()) {
            return Optional.empty();
        }
        Matcher codeUrl = CODE_URL.matcher(unescapeHtml(href.group(1)));
        return codeUrl.find() ? Optional.of(URLDecoder.decode(codeUrl.group(1), StandardCharsets.UTF_8)).filter(u -> !u.isEmpty())
                : Optional.empty();
    }

    /** The token the pay service's {@code paynotify} broadcast names this payment by. */
    static Optional<String> pushToken(String wxpayPage) {
        Matcher token = PUSH_TOKEN.matcher(wxpayPage);
        return token.find() ? Optional.of(Http.JSON.readValue(token.group(1), String.class)).filter(t -> !t.isEmpty())
                : Optional.empty();
    }

    /** Undoes the escaping that Thymeleaf and the gateway's pages apply to attribute values; {@code &amp;} last. */
    private static String unescapeHtml(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
