package com.changgou.pay.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The pay service's XML stays in this package, and even here only {@link WechatXml} parses it:
 * no WeChat answer or notification reaches WxJava's XStream-based result parsing.
 */
class XmlConfinementTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path WECHAT = MAIN.resolve(Path.of("com", "changgou", "pay", "wechat"));

    private static final Pattern XML_API = Pattern.compile(
            "import\\s+(javax\\.xml|org\\.w3c\\.dom|org\\.xml\\.sax|com\\.thoughtworks\\.xstream"
                    + "|com\\.fasterxml\\.jackson\\.dataformat\\.xml|tools\\.jackson\\.dataformat\\.xml)\\.");
    private static final Pattern WXJAVA_PARSING = Pattern.compile(
            "\\.fromXML\\(|BaseWxPayResult|parse\\w*NotifyResult|XStreamInitializer|new XStream|\\.checkResult\\(");

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, Pattern pattern) {
        try {
            return pattern.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyTheWechatPackageImportsXmlApis() {
        assertThat(sources()).isNotEmpty()
                .filteredOn(file -> !file.startsWith(WECHAT))
                .filteredOn(file -> contains(file, XML_API))
                .isEmpty();
    }

    @Test
    void insideItOnlyWechatXmlParses() {
        assertThat(sources()).filteredOn(file -> file.startsWith(WECHAT))
                .filteredOn(file -> contains(file, XML_API))
                .extracting(file -> file.getFileName().toString())
                .containsExactly("WechatXml.java");
    }

    @Test
    void noSourceHandsXmlToWxJavasResultParsing() {
        assertThat(sources()).filteredOn(file -> contains(file, WXJAVA_PARSING)).isEmpty();
    }
}
