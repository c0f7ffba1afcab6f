package com.changgou.pay.wechat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one XML parser of the pay service. WeChat V2 messages are a flat {@code <xml>} of text
 * fields, so anything else (a DOCTYPE, entities, nesting, duplicates, more than 64 KiB) is
 * refused before a field is read: no external entity, DTD or entity expansion can ever happen.
 */
final class WechatXml {

    static final int MAX_BYTES = 64 * 1024;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /**
     * One parser per thread, reset before each use (the JDK's documented way to reuse one): making a parser from
     * the hardened factory cost more than parsing a notification with it (2.4% of pay's CPU under load,
     * docs/bench/profile.md section 14). A reset parser has the factory's settings again, whatever its last
     * document did to it.
     */
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(WechatXml::newParser);

    private WechatXml() {
    }

    /** The fields of a WeChat message, in document order; refuses what is not a plain flat message. */
    static Map<String, String> parse(byte[] body) {
        return parse(body, "xml");
    }

    /**
     * The same for a flat message under another root: the {@code <root>} of a refund notification's
     * decrypted {@code req_info}.
     */
    static Map<String, String> parse(byte[] body, String rootName) {
        if (body == null || body.length == 0) {
            throw new MalformedWechatXmlException("empty body");
        }
        if (body.length > MAX_BYTES) {
            throw new MalformedWechatXmlException("body of %d bytes exceeds %d".formatted(body.length, MAX_BYTES));
        }
        return fields(document(body).getDocumentElement(), rootName);
    }

    /** {@code <xml>} of the given fields, each in CDATA the way WeChat writes them. */
    static String write(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> xml.append('<').append(name).append("><![CDATA[")
                .append(value.replace("]]>", "]]]]><![CDATA[>")).append("]]></").append(name).append('>'));
        return xml.append("</xml>").toString();
    }

    private static Document document(byte[] body) {
        DocumentBuilder builder = PARSERS.get();
        builder.reset();
        builder.setErrorHandler(THROWING);
        // Belt and braces: DOCTYPEs are refused anyway, but no resolver may ever fetch anything.
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        try {
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new MalformedWechatXmlException("not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new MalformedWechatXmlException("unreadable XML: " + e.getMessage());
        }
    }

    private static DocumentBuilder newParser() {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the hardened JDK XML parser cannot be made", e);
        }
    }

    private static Map<String, String> fields(Element root, String rootName) {
        if (!rootName.equals(root.getTagName())) {
            throw new MalformedWechatXmlException("root element is <%s>, not <%s>".formatted(root.getTagName(), rootName));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                String name = child.getNodeName();
                if (fields.putIfAbsent(name, text(child)) != null) {
                    throw new MalformedWechatXmlException("duplicate field <%s>".formatted(name));
                }
            } else if (child.getNodeType() != Node.COMMENT_NODE && !child.getTextContent().isBlank()) {
                throw new MalformedWechatXmlException("text outside fields");
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String text(Node field) {
        StringBuilder text = new StringBuilder();
        NodeList parts = field.getChildNodes();
        for (int i = 0; i < parts.getLength(); i++) {
            Node part = parts.item(i);
            switch (part.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(part.getNodeValue());
                case Node.COMMENT_NODE -> { }
                default -> throw new MalformedWechatXmlException(
                        "field <%s> is not plain text".formatted(field.getNodeName()));
            }
        }
        return text.toString();
    }

    private static DocumentBuilderFactory hardenedFactory() {
        // The JDK's own parser, whatever else the classpath brings, so the features below are honoured.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        return factory;
    }

    /** Fails on the first problem instead of printing "[Fatal Error]" to stderr and going on. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // A warning changes nothing about what is parsed.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** The body is not a WeChat message we are willing to read; the message says why. */
    static final class MalformedWechatXmlException extends RuntimeException {
        MalformedWechatXmlException(String reason) {
            super(reason);
        }
    }
}
