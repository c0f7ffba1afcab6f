package com.changgou.sandbox.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one place that reads and writes WeChat's flat {@code <xml><field>value</field></xml>} bodies.
 * Reading refuses any DOCTYPE (so no external entity and no entity expansion can happen), bodies over
 * {@link #MAX_BYTES}, nested or repeated fields and anything not well-formed.
 */
public final class WxXml {

    /** WeChat's messages are a few hundred bytes; 64 KiB leaves room for {@code detail} and bounds the parser. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[0-9]{1,18}");

    private WxXml() {
    }

    /** Reads at most {@link #MAX_BYTES} (+1 to detect overflow) from the stream, never the whole of a huge body. */
    public static Map<String, String> read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            return parse(bytes);
        } catch (IOException e) {
            throw new XmlRejectedException("the body could not be read", e);
        }
    }

    public static Map<String, String> parse(byte[] body) {
        return parse(body, "xml");
    }

    /** As {@link #parse(byte[])}, for a flat body under another root (a refund notification's {@code <root>}). */
    public static Map<String, String> parse(byte[] body, String rootName) {
        if (body == null || body.length == 0) {
            throw new XmlRejectedException("the body is empty");
        }
        if (body.length > MAX_BYTES) {
            throw new XmlRejectedException("the body exceeds %d bytes".formatted(MAX_BYTES));
        }
        Document document = document(body);
        Element root = document.getDocumentElement();
        if (!rootName.equals(root.getTagName())) {
            throw new XmlRejectedException(
                    "the root element must be <%s>, not <%s>".formatted(rootName, root.getTagName()));
        }
        return fields(root);
    }

    /** Writes the fields in their order; empty values are left out, as WeChat leaves them out of the signature. */
    public static String write(Map<String, String> fields) {
        return write("xml", fields);
    }

    /** As {@link #write(Map)}, under another root: a refund notification's req_info is a {@code <root>} document. */
    public static String write(String rootName, Map<String, String> fields) {
        if (!FIELD_NAME.matcher(rootName).matches()) {
            throw new IllegalArgumentException("not a WeChat element name: " + rootName);
        }
        StringBuilder xml = new StringBuilder(256).append('<').append(rootName).append('>');
        fields.forEach((name, value) -> {
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a WeChat field name: " + name);
            }
            if (value == null || value.isEmpty()) {
                return;
            }
            xml.append('<').append(name).append('>');
            if (PLAIN_VALUE.matcher(value).matches()) {
                xml.append(value);
            } else {
                // "]]>" cannot appear inside one CDATA section, so it is split across two.
                xml.append("<![CDATA[").append(value.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
            }
            xml.append("</").append(name).append('>');
        });
        return xml.append("</").append(rootName).append('>').toString();
    }

    private static Map<String, String> fields(Element root) {
        Map<String, String> fields = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> addField(fields, (Element) child);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> requireBlank(child.getNodeValue());
                case Node.COMMENT_NODE -> { }
                default -> throw new XmlRejectedException("unexpected content in <xml>");
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static void addField(Map<String, String> fields, Element field) {
        String name = field.getTagName();
        if (!FIELD_NAME.matcher(name).matches()) {
            throw new XmlRejectedException("not a WeChat field name: <%s>".formatted(name));
        }
        NodeList parts = field.getChildNodes();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < parts.getLength(); i++) {
            Node part = parts.item(i);
            switch (part.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> value.append(part.getNodeValue());
                case Node.COMMENT_NODE -> { }
                default -> throw new XmlRejectedException("field <%s> must hold text only".formatted(name));
            }
        }
        if (fields.putIfAbsent(name, value.toString()) != null) {
            throw new XmlRejectedException("field <%s> appears twice".formatted(name));
        }
    }

    private static void requireBlank(String text) {
        if (!text.isBlank()) {
            throw new XmlRejectedException("text outside any field in <xml>");
        }
    }

    private static Document document(byte[] body) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new XmlRejectedException(reason(e), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new XmlRejectedException("the body is not well-formed XML", e);
        }
    }

    private static String reason(SAXException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "DOCTYPE is not allowed";
        }
        return "the body is not well-formed XML";
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private static final DocumentBuilderFactory FACTORY = secureFactory();

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK parser must support secure processing", e);
        }
    }
}
