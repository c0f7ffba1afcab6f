package com.changgou.pay.alipay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The signed alipay.trade.wap.pay request as the page the phone opens: a form POSTing every signed
 * parameter as a hidden field to Alipay's gateway, submitted by a one-line script (a button when scripts
 * are off). Its Content-Security-Policy runs that script only (by its hash) and lets forms go to the
 * gateway's origin only: the gateway answers the POST by moving on to its own cashier pages, which a
 * browser holds to form-action too, so a path-exact source would stop it.
 */
public record CashierForm(URI action, Map<String, String> fields) {

    private static final String SCRIPT = "document.getElementById('alipay-form').submit();";
    private static final String SCRIPT_HASH = sha256(SCRIPT);

    public CashierForm {
        fields = Map.copyOf(fields);
    }

    public String html() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>To Alipay</title></head>
                <body>
                <form id="alipay-form" method="post" accept-charset="utf-8" action="%s">
                """.formatted(escape(action.toString())));
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(field ->
                html.append("<input type=\"hidden\" name=\"").append(escape(field.getKey()))
                        .append("\" value=\"").append(escape(field.getValue())).append("\">\n"));
        return html.append("""
                <noscript><button type="submit">Pay with Alipay</button></noscript>
                </form>
                <script>%s</script>
                </body></html>
                """.formatted(SCRIPT)).toString();
    }

    public String contentSecurityPolicy() {
        return "default-src 'none'; script-src '%s'; form-action %s; base-uri 'none'; frame-ancestors 'none'"
                .formatted(SCRIPT_HASH, origin(action));
    }

    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String script) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
