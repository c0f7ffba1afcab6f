package com.changgou.gateway.session;

import org.springframework.web.util.HtmlUtils;

/** The sign-in form. Tiny on purpose: the gateway has no template engine. */
final class LoginPage {

    private LoginPage() {
    }

    static String render(String next, String error) {
        String message = error == null ? "" : "<p class=\"error\" id=\"login-error\">" + HtmlUtils.htmlEscape(error) + "</p>";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in - Changgou</title>
                <style>
                body{font-family:system-ui,sans-serif;background:#f5f5f5;margin:0;padding:4em 1em;color:#222}
                main{max-width:22em;margin:auto;background:#fff;padding:2em;border-radius:8px;box-shadow:0 1px 4px #0002}
                h1{margin-top:0;color:#c81623}input{width:100%%;padding:.5em;margin:.5em 0 1em;box-sizing:border-box}
                button{background:#c81623;color:#fff;border:0;padding:.6em 1.5em;border-radius:4px;cursor:pointer}
                .error{color:#c81623}
                </style>
                </head>
                <body>
                <main>
                <h1>Changgou</h1>
                <p>Sign in with a shopper name (letters, digits, _ or -; up to 32).</p>
                %s
                <form method="post" action="/login">
                <label for="username">Username</label>
                <input id="username" name="username" required maxlength="32" pattern="[a-zA-Z0-9_\\-]{1,32}" autofocus>
                <input type="hidden" name="next" value="%s">
                <button id="login-submit" type="submit">Sign in</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(message, HtmlUtils.htmlEscape(next));
    }
}
