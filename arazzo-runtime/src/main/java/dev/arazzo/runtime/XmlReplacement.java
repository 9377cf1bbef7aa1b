package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Arazzo 1.1 payload replacements into an XML payload ({@code targetSelectorType: xpath}): the target, an
 * XPath 1.0 expression evaluated by the JDK, selects exactly one element, attribute or text node, and the
 * value becomes its text. The payload is parsed with DTDs refused (so no external entities), namespace-aware;
 * a prefix in the target means what the payload declares it to mean (the first declaration of it, in
 * document order). Only the selected node's characters change in the text: the declaration, namespaces,
 * attribute order and quoting, whitespace, comments and empty-element tags elsewhere stay byte for byte.
 * An element's content becomes the one text node (an empty-element tag {@code <a/>} becomes {@code
 * <a>value</a>}); an attribute keeps its quotes; a text node's run of character data (text and CDATA sections
 * between two other nodes) is replaced whole. Values are escaped: {@code & < >} in content; {@code & <} and the
 * quote, and tab, line feed and carriage return as character references, in an attribute.
 */
public final class XmlReplacement {

    private XmlReplacement() {
    }

    /**
     * {@code xml} with the node {@code target} selects holding {@code value}.
     *
     * @param xml the payload, an XML document
     * @param target an XPath 1.0 expression selecting one element, attribute or text node
     * @param value the new text: a String, a JSON node (a text node's text, any other node's JSON), a number or
     *     a boolean
     * @param replaced what replaces, for messages: the step and the target
     * @return the payload, changed at that node only
     * @throws WorkflowException naming the target when the payload is not XML, the target selects no node,
     *     several, or another kind of node, or the value is null
     */
    public static String replace(String xml, String target, Object value, String replaced) {
        Document document = parse(xml, replaced);
        NodeList nodes;
        try {
            javax.xml.xpath.XPath xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(namespaces(document));
            nodes = (NodeList) xpath.evaluate(target, document, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new WorkflowException(replaced + " failed: " + e.getMessage());
        }
        List<Node> selected = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            selected.add(nodes.item(i));
        }
        return replace(xml, document, selected, value, replaced);
    }

    /**
     * {@code xml}, parsed as {@code document}, with the one node of {@code selected} holding {@code value}.
     *
     * @param xml the payload
     * @param document the payload parsed by {@link #parse}
     * @param selected the nodes the target selects, nodes of {@code document}
     * @param value the new text
     * @param replaced what replaces, for messages
     * @return the payload, changed at that node only
     * @throws WorkflowException when {@code selected} is not one element, attribute or text node, or the value
     *     is null
     */
    public static String replace(String xml, Document document, List<Node> selected, Object value, String replaced) {
        if (selected.size() != 1) {
            throw new WorkflowException(replaced + " selects " + selected.size() + " nodes in the XML payload; it "
                    + "must select exactly one element, attribute or text node");
        }
        String text = text(value, replaced);
        Node node = selected.get(0);
        if (node instanceof Attr attribute) {
            return attribute(xml, attribute, text, replaced);
        }
        if (node instanceof Element element) {
            return element(xml, element, text);
        }
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            return textNode(xml, node, text);
        }
        throw new WorkflowException(replaced + " selects a " + kind(node) + " in the XML payload; it must select "
                + "an element, an attribute or a text node");
    }

    /**
     * {@code xml} parsed with DTDs refused, namespace-aware.
     *
     * @param xml the text
     * @param replaced what replaces, for messages
     * @return the document
     * @throws WorkflowException naming {@code replaced} when the text is not XML or holds a DTD
     */
    public static Document parse(String xml, String replaced) {
        if (xml == null) {
            throw new WorkflowException(replaced + " has no XML payload to replace in");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(Values.QUIET);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new WorkflowException(replaced + " cannot replace in the payload, which is not XML (or holds a "
                    + "DTD): " + e.getMessage());
        }
    }

    /**
     * The prefixes {@code document} declares, each bound to its first declaration in document order; {@code
     * xml} and {@code xmlns} as XML defines them.
     *
     * @param document the payload
     * @return the namespace context a target is evaluated in
     */
    public static NamespaceContext namespaces(Document document) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        collect(document.getDocumentElement(), prefixes);
        return new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
                    return XMLConstants.XML_NS_URI;
                }
                if (XMLConstants.XMLNS_ATTRIBUTE.equals(prefix)) {
                    return XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
                }
                return prefixes.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return prefixes.entrySet().stream().filter(e -> e.getValue().equals(namespaceUri))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return prefixes.entrySet().stream().filter(e -> e.getValue().equals(namespaceUri))
                        .map(Map.Entry::getKey).iterator();
            }
        };
    }

    private static void collect(Element element, Map<String, String> prefixes) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getNodeName();
            if (name.startsWith("xmlns:")) {
                prefixes.putIfAbsent(name.substring("xmlns:".length()), attribute.getNodeValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                collect(nested, prefixes);
            }
        }
    }

    private static String text(Object value, String replaced) {
        Object plain = value instanceof JsonNode node && node.isNull() ? null : value;
        if (plain == null) {
            throw new WorkflowException(replaced + " has no value to write into the XML payload: it is null");
        }
        return Values.text(plain);
    }

    private static String kind(Node node) {
        return switch (node.getNodeType()) {
            case Node.DOCUMENT_NODE -> "document node";
            case Node.COMMENT_NODE -> "comment";
            case Node.PROCESSING_INSTRUCTION_NODE -> "processing instruction";
            default -> "node of another kind";
        };
    }

    private static String attribute(String xml, Attr attribute, String text, String replaced) {
        Lexer lexer = new Lexer(xml);
        Tag tag = lexer.startTag(index(attribute.getOwnerElement()));
        int at = tag.start + 1 + tag.name.length();
        while (true) {
            at = skipSpace(xml, at);
            if (at >= tag.end || xml.charAt(at) == '/' || xml.charAt(at) == '>') {
                // the DOM holds only the attributes written; an absent one cannot be selected
                throw new WorkflowException(replaced + " selects attribute '" + attribute.getName()
                        + "', which the payload's text does not hold");
            }
            int nameEnd = at;
            while (!Character.isWhitespace(xml.charAt(nameEnd)) && xml.charAt(nameEnd) != '=') {
                nameEnd++;
            }
            String name = xml.substring(at, nameEnd);
            at = skipSpace(xml, nameEnd) + 1;
            at = skipSpace(xml, at);
            char quote = xml.charAt(at);
            int close = xml.indexOf(quote, at + 1);
            if (name.equals(attribute.getName())) {
                return xml.substring(0, at + 1) + escapeAttribute(text, quote) + xml.substring(close);
            }
            at = close + 1;
        }
    }

    private static String element(String xml, Element element, String text) {
        Lexer lexer = new Lexer(xml);
        Tag tag = lexer.startTag(index(element));
        String escaped = escapeContent(text);
        if (tag.empty) {
            int slash = xml.lastIndexOf('/', tag.end);
            return xml.substring(0, slash) + ">" + escaped + "</" + tag.name + ">" + xml.substring(tag.end + 1);
        }
        int close = lexer.endOf(tag);
        return xml.substring(0, tag.end + 1) + escaped + xml.substring(close);
    }

    /** A text node: the run of character data after the parent's {@code n}th child of another kind. */
    private static String textNode(String xml, Node node, String text) {
        int others = 0;
        for (Node sibling = node.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
            if (sibling.getNodeType() != Node.TEXT_NODE && sibling.getNodeType() != Node.CDATA_SECTION_NODE) {
                others++;
            }
        }
        Lexer lexer = new Lexer(xml);
        Tag parent = lexer.startTag(index((Element) node.getParentNode()));
        int[] run = lexer.textRun(parent, others);
        return xml.substring(0, run[0]) + escapeContent(text) + xml.substring(run[1]);
    }

    /** The position of {@code element} among the document's elements, in document order. */
    private static int index(Element element) {
        int[] count = {0};
        return find(element.getOwnerDocument().getDocumentElement(), element, count) ? count[0] : -1;
    }

    private static boolean find(Element at, Element target, int[] count) {
        if (at == target) {
            return true;
        }
        count[0]++;
        for (Node child = at.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested && find(nested, target, count)) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpace(String xml, int at) {
        while (at < xml.length() && Character.isWhitespace(xml.charAt(at))) {
            at++;
        }
        return at;
    }

    /**
     * A value of a templated XML payload ({@code {$...}} in element content) as that content: its text, as
     * {@code Values.text} writes it, with {@code & < >} (and carriage return) escaped. A value that is itself
     * XML is sent as the characters it is, never as markup.
     *
     * @param value the value of the expression
     * @return its text, escaped for element content
     */
    public static String content(Object value) {
        return escapeContent(Values.text(value));
    }

    /**
     * A value of a templated XML payload inside an attribute value quoted with {@code quote}: its text with
     * {@code & <} and that quote escaped, and tab, line feed and carriage return as character references.
     *
     * @param value the value of the expression
     * @param quote the attribute's quote character, {@code '"'} or {@code '\''}
     * @return its text, escaped for that attribute value
     */
    public static String attribute(Object value, char quote) {
        return escapeAttribute(Values.text(value), quote);
    }

    /**
     * A value of a templated XML payload inside a CDATA section: its text as it is, which must not hold
     * {@code ]]>} (it would end the section early).
     *
     * @param value the value of the expression
     * @param inserted what inserts it, for the message: the step and the expression
     * @return its text
     * @throws WorkflowException when the text holds {@code ]]>}
     */
    public static String cdata(Object value, String inserted) {
        String text = Values.text(value);
        if (text.contains("]]>")) {
            throw new WorkflowException(inserted + " is inside a CDATA section of the XML payload, and its value "
                    + "holds ']]>', which would end the section early; write the expression in element content "
                    + "instead, where it is escaped");
        }
        return text;
    }

    static String escapeContent(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\r' -> escaped.append("&#13;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String escapeAttribute(String text, char quote) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '\t' -> escaped.append("&#9;");
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                case '"' -> escaped.append(quote == '"' ? "&quot;" : "\"");
                case '\'' -> escaped.append(quote == '\'' ? "&apos;" : "'");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A start tag in the text: where it starts ({@code <}) and ends ({@code >}), its name, whether it is empty. */
    private record Tag(int start, int end, String name, boolean empty) {
    }

    /**
     * The markup of a well-formed document without a DTD (the parser has accepted it): comments, processing
     * instructions and the declaration, CDATA sections, start and end tags, and character data between them.
     */
    private static final class Lexer {

        private final String xml;

        Lexer(String xml) {
            this.xml = xml;
        }

        /** The {@code n}th start tag (counting empty-element tags), from 0. */
        Tag startTag(int n) {
            int at = 0;
            int seen = 0;
            while (true) {
                int open = xml.indexOf('<', at);
                int end = skip(open);
                if (end < 0) {
                    Tag tag = tag(open);
                    if (seen++ == n) {
                        return tag;
                    }
                    end = tag.end + 1;
                }
                at = end;
            }
        }

        /** Where the end tag of {@code tag} starts. */
        int endOf(Tag tag) {
            int depth = 1;
            int at = tag.end + 1;
            while (true) {
                int open = xml.indexOf('<', at);
                int end = skip(open);
                if (xml.startsWith("</", open)) {
                    if (--depth == 0) {
                        return open;
                    }
                    at = end;
                } else if (end >= 0) {
                    at = end;
                } else {
                    Tag nested = tag(open);
                    depth += nested.empty ? 0 : 1;
                    at = nested.end + 1;
                }
            }
        }

        /** The start and end of the run of character data after {@code others} children of {@code parent}. */
        int[] textRun(Tag parent, int others) {
            int at = parent.end + 1;
            int seen = 0;
            while (true) {
                int start = at;
                int open = xml.indexOf('<', at);
                while (xml.startsWith("<![CDATA[", open)) {
                    open = xml.indexOf('<', xml.indexOf("]]>", open) + 3);
                }
                if (seen == others) {
                    return new int[] {start, open};
                }
                int end = skip(open);
                if (end < 0) {
                    Tag child = tag(open);
                    end = child.empty ? child.end + 1 : xml.indexOf('>', endOf(child)) + 1;
                }
                seen++;
                at = end;
            }
        }

        /**
         * Past the markup at {@code open} when it is a comment, a processing instruction (or the declaration),
         * a CDATA section or an end tag; -1 for a start tag.
         */
        private int skip(int open) {
            if (xml.startsWith("<!--", open)) {
                return xml.indexOf("-->", open) + 3;
            }
            if (xml.startsWith("<?", open)) {
                return xml.indexOf("?>", open) + 2;
            }
            if (xml.startsWith("<![CDATA[", open)) {
                return xml.indexOf("]]>", open) + 3;
            }
            if (xml.startsWith("</", open)) {
                return xml.indexOf('>', open) + 1;
            }
            return -1;
        }

        private Tag tag(int open) {
            int at = open + 1;
            while (!Character.isWhitespace(xml.charAt(at)) && xml.charAt(at) != '/' && xml.charAt(at) != '>') {
                at++;
            }
            String name = xml.substring(open + 1, at);
            char quote = 0;
            while (true) {
                char c = xml.charAt(at);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return new Tag(open, at, name, xml.charAt(at - 1) == '/');
                }
                at++;
            }
        }
    }
}
