package com.changgou.gateway.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in and sign-up forms. Small on purpose: the gateway has no template engine, and these
 * two pages are all it renders. Every value written into them is HTML-escaped.
 */
final class SignInPages {

    private SignInPages() {
    }

    /** What the sign-in page says above the form, chosen by the query parameter it was sent to. */
    enum Notice {
        NONE(null, null, false),
        WRONG("error", "Wrong username or password.", true),
        PAUSED("paused", "Too many failed sign-ins for this username. Sign-in for it is paused for %s; try again later.", true),
        UNAVAILABLE("unavailable", "Sign-in is unavailable right now. Please try again in a moment.", true),
        SIGNED_OUT("logout", "You are signed out.", false),
        SIGNED_UP("signedUp", "Your account is ready. Sign in with your new password.", false);

        private final String queryParameter;
        private final String text;
        private final boolean error;

        Notice(String queryParameter, String text, boolean error) {
            this.queryParameter = queryParameter;
            this.text = text;
            this.error = error;
        }

        /** Where the sign-in form is sent to show this notice. */
        String location() {
            return "/login?" + queryParameter;
        }

        static Notice of(Predicate<String> queryHas) {
            return Arrays.stream(values()).filter(n -> n.queryParameter != null && queryHas.test(n.queryParameter))
                    .findFirst().orElse(NONE);
        }
    }

    static String signIn(CsrfToken csrf, Notice notice, Duration lockout) {
        String message = notice.text == null ? ""
                : paragraph(notice.error ? "error" : "info", notice == Notice.PAUSED
                        ? notice.text.formatted(minutes(lockout)) : notice.text);
        return page("Sign in", message + """
                <form id="login-form" method="post" action="/login">
                <label for="username">Username</label>
                <input id="username" name="username" required maxlength="32" autocomplete="username" autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" required maxlength="72" autocomplete="current-password">
                %s
                <button id="login-submit" type="submit">Sign in</button>
                </form>
                <p>New here? <a id="signup-link" href="/signup">Create an account</a>.</p>
                """.formatted(hidden(csrf)));
    }

    static String signUp(CsrfToken csrf, String username, String error) {
        String message = error == null ? "" : paragraph("error", error);
        return page("Create an account", message + """
                <p>A username is 3 to 32 letters, digits, _ or - (kept in lower case); a password has 8 to 72 characters.</p>
                <form id="signup-form" method="post" action="/signup">
                <label for="username">Username</label>
                <input id="username" name="username" required minlength="3" maxlength="32" value="%s" autocomplete="username" autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" required minlength="8" maxlength="72" autocomplete="new-password">
                <label for="confirm">Password again</label>
                <input id="confirm" name="confirm" type="password" required minlength="8" maxlength="72" autocomplete="new-password">
                %s
                <button id="signup-submit" type="submit">Create account</button>
                </form>
                <p>Have an account? <a id="login-link" href="/login">Sign in</a>.</p>
                """.formatted(HtmlUtils.htmlEscape(username == null ? "" : username), hidden(csrf)));
    }

    private static String hidden(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"%s\" value=\"%s\">".formatted(
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static String paragraph(String cssClass, String text) {
        return "<p class=\"%s\" id=\"notice\">%s</p>\n".formatted(cssClass, HtmlUtils.htmlEscape(text));
    }

    private static String minutes(Duration lockout) {
        long minutes = Math.max(1, lockout.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s - Changgou</title>
                <style>
                body{font-family:system-ui,sans-serif;background:#f5f5f5;margin:0;padding:4em 1em;color:#222}
                main{max-width:22em;margin:auto;background:#fff;padding:2em;border-radius:8px;box-shadow:0 1px 4px #0002}
                h1{margin-top:0;color:#c81623}input{width:100%%;padding:.5em;margin:.3em 0 1em;box-sizing:border-box}
                button{background:#c81623;color:#fff;border:0;padding:.6em 1.5em;border-radius:4px;cursor:pointer}
                .error{color:#c81623}.info{color:#2a7a2a}
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s</main>
                </body>
                </html>
                """.formatted(title, title, body);
    }
}
