package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import com.changgou.pay.wechat.WechatXml.MalformedWechatXmlException;
import org.junit.jupiter.api.Test;

class WechatXmlTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAFlatMessageWithCdataAndPlainText() {
        Map<String, String> fields = WechatXml.parse(utf8(
                "<xml>\n  <return_code><![CDATA[SUCCESS]]></return_code>\n  <total_fee>1</total_fee>"
                        + "<body><![CDATA[a&b <c>]]></body><empty></empty></xml>"));
        assertThat(fields).containsExactly(Map.entry("return_code", "SUCCESS"), Map.entry("total_fee", "1"),
                Map.entry("body", "a&b <c>"), Map.entry("empty", ""));
    }

    /** Each thread reuses its parser: what one document did to it, or failing half-way, never reaches the next. */
    @Test
    void aReusedParserStillRefusesWhatItMustAndReadsWhatItMay() {
        String xxe = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><a>&e;</a></xml>";
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> WechatXml.parse(utf8("<xml><a>cut off")))
                    .isInstanceOf(MalformedWechatXmlException.class);
            assertThat(WechatXml.parse(utf8("<xml><a>1</a></xml>"))).containsExactly(Map.entry("a", "1"));
            assertThatThrownBy(() -> WechatXml.parse(utf8(xxe))).hasMessageContaining("DOCTYPE");
            assertThat(WechatXml.parse(utf8("<root><b>2</b></root>"), "root")).containsExactly(Map.entry("b", "2"));
        }
    }

    @Test
    void refusesTheClassicFileXxe() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><return_code>&xxe;</return_code></xml>";
        assertThatThrownBy(() -> WechatXml.parse(utf8(xxe)))
                .isInstanceOf(MalformedWechatXmlException.class)
                .hasMessageContaining("DOCTYPE")
                .message().doesNotContain("root:");
    }

    @Test
    void refusesHttpEntitiesAndExternalDtdsWithoutFetchingThem() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil";
            String entity = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"" + url + "\">]><xml><a>&e;</a></xml>";
            String parameter = "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><xml><a>x</a></xml>";
            String dtd = "<!DOCTYPE xml SYSTEM \"" + url + "\"><xml><a>x</a></xml>";
            for (String attack : new String[] {entity, parameter, dtd}) {
                assertThatThrownBy(() -> WechatXml.parse(utf8(attack))).hasMessageContaining("DOCTYPE");
            }
            // The parses above are synchronous: had any of them fetched, the connection would be queued.
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]><xml><a>&lol9;</a></xml>");
        long started = System.nanoTime();
        assertThatThrownBy(() -> WechatXml.parse(utf8(lol.toString()))).hasMessageContaining("DOCTYPE");
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void refusesATenMegabyteBodyBeforeParsing() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        assertThatThrownBy(() -> WechatXml.parse(body)).hasMessageContaining("exceeds 65536");
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        String head = "<xml><a>";
        String tail = "</a></xml>";
        String xml = head + "x".repeat(WechatXml.MAX_BYTES - head.length() - tail.length()) + tail;
        assertThat(WechatXml.parse(utf8(xml))).containsKey("a");
    }

    @Test
    void refusesTruncatedXml() {
        assertThatThrownBy(() -> WechatXml.parse(utf8("<xml><return_code><![CDATA[SUCC")))
                .isInstanceOf(MalformedWechatXmlException.class).hasMessageContaining("not well-formed");
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> WechatXml.parse(new byte[0])).hasMessage("empty body");
        assertThatThrownBy(() -> WechatXml.parse(null)).hasMessage("empty body");
    }

    @Test
    void refusesNotXmlAtAll() {
        assertThatThrownBy(() -> WechatXml.parse(utf8("{\"return_code\":\"SUCCESS\"}")))
                .isInstanceOf(MalformedWechatXmlException.class);
    }

    @Test
    void refusesDuplicateFieldsSoNoTwoReadersCanDisagree() {
        assertThatThrownBy(() -> WechatXml.parse(utf8("<xml><total_fee>1</total_fee><total_fee>100</total_fee></xml>")))
                .hasMessageContaining("duplicate field <total_fee>");
    }

    @Test
    void refusesNestedFieldsAndOtherRoots() {
        assertThatThrownBy(() -> WechatXml.parse(utf8("<xml><a><b>1</b></a></xml>")))
                .hasMessageContaining("not plain text");
        assertThatThrownBy(() -> WechatXml.parse(utf8("<root><a>1</a></root>")))
                .hasMessageContaining("not <xml>");
    }

    @Test
    void writesCdataThatCannotBeBrokenOutOf() {
        String xml = WechatXml.write(Map.of("return_msg", "x]]><evil/>"));
        assertThat(WechatXml.parse(utf8(xml))).containsExactly(Map.entry("return_msg", "x]]><evil/>"));
    }
}
