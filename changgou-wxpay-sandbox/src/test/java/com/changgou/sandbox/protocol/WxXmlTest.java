package com.changgou.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxXmlTest {

    private static Map<String, String> parse(String xml) {
        return WxXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsTextNumbersAndAwkwardCharacters() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", "wx8888888888888888");
        fields.put("total_fee", "1");
        fields.put("body", "畅购-手机 <&> \"quoted\"");
        fields.put("attach", "a]]>b]]>");
        fields.put("detail", "{\"goods\":[1,2]}");
        String xml = WxXml.write(fields);
        assertThat(xml).startsWith("<xml><appid><![CDATA[wx8888888888888888]]></appid><total_fee>1</total_fee>");
        assertThat(parse(xml)).containsExactlyEntriesOf(fields);
    }

    @Test
    void leavesEmptyValuesOut() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "1");
        fields.put("b", "");
        assertThat(WxXml.write(fields)).isEqualTo("<xml><a>1</a></xml>");
    }

    @Test
    void readsWechatStyleCdataAndPlainFields() {
        assertThat(parse("<xml>\n  <return_code><![CDATA[SUCCESS]]></return_code>\n  <total_fee>101</total_fee>\n"
                + "  <x>&lt;a&amp;b&gt;</x></xml>"))
                .containsExactly(Map.entry("return_code", "SUCCESS"), Map.entry("total_fee", "101"),
                        Map.entry("x", "<a&b>"));
    }

    @Test
    void refusesClassicXxe() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><body>&xxe;</body></xml>";
        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(XmlRejectedException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
        }
        String bomb = dtd + "]><xml><body>&lol9;</body></xml>";
        assertThatThrownBy(() -> parse(bomb)).isInstanceOf(XmlRejectedException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAnExternalDtdWithoutFetchingIt() {
        assertThatThrownBy(() -> parse("<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><a>1</a></xml>"))
                .isInstanceOf(XmlRejectedException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesOversizedBodiesWithoutReadingThemWhole() {
        byte[] huge = ("<xml><body>" + "x".repeat(WxXml.MAX_BYTES) + "</body></xml>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WxXml.parse(huge)).isInstanceOf(XmlRejectedException.class)
                .hasMessageContaining("exceeds");
        ByteArrayInputStream stream = new ByteArrayInputStream(huge);
        assertThatThrownBy(() -> WxXml.read(stream)).isInstanceOf(XmlRejectedException.class);
        assertThat(stream.available()).isPositive();
    }

    @Test
    void refusesMalformedTruncatedAndEmptyBodies() {
        assertThatThrownBy(() -> parse("<xml><a>1</a>")).isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> parse("<xml><a>1</b></xml>")).isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> parse("not xml")).isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> parse("<xml><a>&undefined;</a></xml>")).isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(XmlRejectedException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> WxXml.parse(null)).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void refusesShapesThatAreNotFlatWechatMessages() {
        assertThatThrownBy(() -> parse("<root><a>1</a></root>")).isInstanceOf(XmlRejectedException.class)
                .hasMessageContaining("root");
        assertThatThrownBy(() -> parse("<xml><a><b>1</b></a></xml>")).isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> parse("<xml><a>1</a><a>2</a></xml>")).isInstanceOf(XmlRejectedException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("<xml>stray<a>1</a></xml>")).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void formatsWechatTimeInBeijing() {
        assertThat(WxTime.format(java.time.Instant.parse("2026-01-01T16:30:05Z"))).isEqualTo("20260102003005");
        assertThat(WxTime.parse("20260102003005")).contains(java.time.Instant.parse("2026-01-01T16:30:05Z"));
        assertThat(WxTime.parse("20261302003005")).isEmpty();
        assertThat(WxTime.parse("2026010200300")).isEmpty();
    }

    @Test
    void aRefundNotificationsPlaintextUsesTheRootElementRoot() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("out_refund_no", "R1");
        fields.put("refund_recv_accout", "支付用户的零钱");
        String xml = WxXml.write("root", fields);
        assertThat(xml).isEqualTo("<root><out_refund_no><![CDATA[R1]]></out_refund_no>"
                + "<refund_recv_accout><![CDATA[支付用户的零钱]]></refund_recv_accout></root>");
        assertThat(WxXml.parse(xml.getBytes(StandardCharsets.UTF_8), "root")).containsExactlyEntriesOf(fields);
        assertThatThrownBy(() -> parse(xml)).hasMessageContaining("must be <xml>, not <root>");
    }
}
