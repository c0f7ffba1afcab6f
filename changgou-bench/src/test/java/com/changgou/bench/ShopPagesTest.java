package com.changgou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShopPagesTest {

    /** The gateway's sign-in form as SignInPages writes it (values HTML-escaped). */
    private static final String SIGN_IN_FORM = """
            <form id="login-form" method="post" action="/login">
            <label for="username">Username</label>
            <input id="username" name="username" required maxlength="32" autocomplete="username" autofocus>
            <input id="password" name="password" type="password" required maxlength="72" autocomplete="current-password">
            <input type="hidden" name="_csrf" value="Zk9-x_Ab12&amp;cd">
            <button id="login-submit" type="submit">Sign in</button>
            </form>
            """;

    /** The parts of web-order's wxpay page the bench reads, as Thymeleaf renders them. */
    private static final String WXPAY_PAGE = """
            <header class="top"><form class="logout" method="post" action="/logout">
                <input type="hidden" name="_csrf" value="session-token">
                <button id="logout-link" type="submit">Sign out</button></form></header>
            <main class="card wxpay">
                <img id="qr" class="qr" src="/api/wxpay/qr?orderId=1790000000000000001" alt="WeChat Pay QR code" width="260" height="260">
                <p>No phone at hand? <a id="phone-link" href="http://127.0.0.1:9090/phone?code_url=weixin%3A%2F%2Fwxpay%2Fbizpayurl%3Fpr%3DAbC1234" target="_blank"
                                        rel="noopener">Open the sandbox phone</a> to scan and pay.</p>
            </main>
            <script>
                window.WXPAY = {
                    token: "tok-5f1c0e6a",
                    expireAt: 1767268800000,
                    statusUrl: "\\/api\\/wxpay\\/status?orderId=1790000000000000001",
                    stomp: {
                        login: "webguest",
                        destination: "\\/exchange\\/paynotify"
                    }
                };
            </script>
            """;

    @Test
    void theCsrfTokenIsTheHiddenFieldsValueUnescaped() {
        assertThat(ShopPages.csrfToken(SIGN_IN_FORM)).contains("Zk9-x_Ab12&cd");
        assertThat(ShopPages.csrfToken(WXPAY_PAGE)).contains("session-token");
    }

    @Test
    void aPageWithoutAnUsableCsrfFieldHasNoToken() {
        assertThat(ShopPages.csrfToken("<form><input name=\"username\"></form>")).isEmpty();
        assertThat(ShopPages.csrfToken("<input type=\"hidden\" name=\"_csrf\" value=\"\">")).isEmpty();
    }

    @Test
    void theOrderIdIsReadFromTheRedirectToThePayPage() {
        assertThat(ShopPages.orderId("/api/worder/pay?orderId=1790000000000000001")).contains("1790000000000000001");
        assertThat(ShopPages.orderId("http://127.0.0.1:8080/api/worder/pay?orderId=17900&from=shop")).contains("17900");
        assertThat(ShopPages.orderId("/api/worder/pay?x=1&orderId=a%2Db")).contains("a-b");
    }

    @Test
    void aRedirectElsewhereHasNoOrderId() {
        assertThat(ShopPages.orderId("/login")).isEmpty();
        assertThat(ShopPages.orderId("")).isEmpty();
        assertThat(ShopPages.orderId("/api/worder/pay?myorderId=1")).isEmpty();
    }

    @Test
    void theCodeUrlIsTheDecodedParameterOfThePhoneLink() {
        assertThat(ShopPages.codeUrl(WXPAY_PAGE)).contains("weixin://wxpay/bizpayurl?pr=AbC1234");
    }

    @Test
    void thePhoneLinksHrefIsHtmlUnescapedBeforeItIsUrlDecoded() {
        String link = "<a href=\"http://sandbox/phone?lang=en&amp;code_url=weixin%3A%2F%2Fwxpay%2Fbizpayurl%3Fpr%3Dx%26y\" id=\"phone-link\">";

        assertThat(ShopPages.codeUrl(link)).contains("weixin://wxpay/bizpayurl?pr=x&y");
    }

    @Test
    void onlyThePhoneLinkGivesTheCodeUrl() {
        assertThat(ShopPages.codeUrl("<a id=\"other\" href=\"/phone?code_url=weixin%3A%2F%2Fx\">")).isEmpty();
        assertThat(ShopPages.codeUrl("<a id=\"phone-link\" href=\"#\">")).isEmpty();
    }

    @Test
    void thePushTokenIsTheScriptsJsonString() {
        assertThat(ShopPages.pushToken(WXPAY_PAGE)).contains("tok-5f1c0e6a");
        assertThat(ShopPages.pushToken("token: \"a\\/b\\\"c\",")).contains("a/b\"c");
    }

    @Test
    void aPageWithoutTheScriptHasNoPushToken() {
        assertThat(ShopPages.pushToken("<p>Order closed</p>")).isEmpty();
        assertThat(ShopPages.pushToken("token: null,")).isEmpty();
    }
}
