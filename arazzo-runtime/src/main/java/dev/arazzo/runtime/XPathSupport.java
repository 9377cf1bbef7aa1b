package dev.arazzo.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathSelector;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Evaluates xpath criteria of XPath 2.0, 3.0 and 3.1 with Saxon-HE (net.sf.saxon:Saxon-HE, which a
 * project needs at run time only when its workflows have such criteria). The body is parsed by the
 * JDK with DTDs refused, then handed to Saxon.
 */
public final class XPathSupport {

    private static final Processor PROCESSOR = new Processor(false);

    private XPathSupport() {
    }

    /**
     * Whether {@code expression}'s effective boolean value is true for the value's text as XML.
     *
     * @param expression an XPath 2.0, 3.0 or 3.1 expression
     * @param value the criterion's context: a JSON text node's text, any other node's JSON, else its
     *     {@code toString()}
     * @return false for a null value, text that is not XML (or holds a DTD) and an expression that fails
     */
    public static boolean test(String expression, Object value) {
        if (value == null) {
            return false;
        }
        String text = value instanceof JsonNode node
                ? (node.isTextual() ? node.asText() : node.toString())
                : value.toString();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(Values.QUIET);
            Document document = builder.parse(new InputSource(new StringReader(text)));
            XPathSelector selector = PROCESSOR.newXPathCompiler().compile(expression).load();
            selector.setContextItem(PROCESSOR.newDocumentBuilder().wrap(document));
            return selector.effectiveBooleanValue();
        } catch (ParserConfigurationException | SAXException | IOException | SaxonApiException e) {
            return false;
        }
    }
    /**
     * The items an XPath 2.0, 3.0 or 3.1 selector (an Arazzo 1.1 Selector Object) gives for the value's
     * text as XML, each as its string value.
     *
     * @param expression the expression
     * @param value the selector's context (a String, or a JSON text node, holding XML)
     * @param selected what selects, for messages: the step and the selector
     * @return the string values of the items, in order
     * @throws WorkflowException naming the selector, when the value is absent or not XML, or the expression fails
     */
    public static java.util.List<String> select(String expression, Object value, String selected) {
        String text = Values.xml(value, selected);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(Values.QUIET);
            Document document = builder.parse(new InputSource(new StringReader(text)));
            XPathSelector selector = PROCESSOR.newXPathCompiler().compile(expression).load();
            selector.setContextItem(PROCESSOR.newDocumentBuilder().wrap(document));
            java.util.List<String> items = new java.util.ArrayList<>();
            selector.evaluate().forEach(item -> items.add(item.getStringValue()));
            return java.util.Collections.unmodifiableList(items);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new WorkflowException(selected + " cannot select in its context, which is not XML (or holds a "
                    + "DTD): " + e.getMessage());
        } catch (SaxonApiException e) {
            throw new WorkflowException(selected + " failed: " + e.getMessage());
        }
    }

    /**
     * The one item of an XPath 2.0+ selector's result where one value is needed.
     *
     * @param expression the expression
     * @param value the selector's context
     * @param selected what selects, for messages
     * @return the item's string value
     * @throws WorkflowException naming the selector, when it gives no item or several, or {@link #select} fails
     */
    public static String selectOne(String expression, Object value, String selected) {
        return Values.one(select(expression, value, selected), selected);
    }

    /**
     * {@code xml} with the node an XPath 2.0, 3.0 or 3.1 replacement target selects holding {@code value}, as
     * {@link XmlReplacement#replace(String, String, Object, String)} does for XPath 1.0 targets; the payload's
     * prefixes are declared to the compiler as that method binds them.
     *
     * @param xml the payload, an XML document
     * @param target the expression, selecting one element, attribute or text node
     * @param value the new text
     * @param replaced what replaces, for messages: the step and the target
     * @return the payload, changed at that node only
     * @throws WorkflowException naming the target when the payload is not XML, the expression fails, or it
     *     selects other than one element, attribute or text node
     */
    public static String replace(String xml, String target, Object value, String replaced) {
        Document document = XmlReplacement.parse(xml, replaced);
        javax.xml.namespace.NamespaceContext namespaces = XmlReplacement.namespaces(document);
        try {
            net.sf.saxon.s9api.XPathCompiler compiler = PROCESSOR.newXPathCompiler();
            java.util.regex.Matcher declared = java.util.regex.Pattern.compile("xmlns:([^\\s=]+)").matcher(xml);
            while (declared.find()) {
                compiler.declareNamespace(declared.group(1), namespaces.getNamespaceURI(declared.group(1)));
            }
            XPathSelector selector = compiler.compile(target).load();
            selector.setContextItem(PROCESSOR.newDocumentBuilder().wrap(document));
            java.util.List<org.w3c.dom.Node> nodes = new java.util.ArrayList<>();
            for (net.sf.saxon.s9api.XdmItem item : selector.evaluate()) {
                if (!(item instanceof net.sf.saxon.s9api.XdmNode node)
                        || !(node.getUnderlyingNode() instanceof net.sf.saxon.tree.wrapper.VirtualNode wrapped)
                        || !(wrapped.getRealNode() instanceof org.w3c.dom.Node real)) {
                    throw new WorkflowException(replaced + " selects a value that is not a node of the XML payload; "
                            + "it must select an element, an attribute or a text node");
                }
                nodes.add(real);
            }
            return XmlReplacement.replace(xml, document, nodes, value, replaced);
        } catch (SaxonApiException e) {
            throw new WorkflowException(replaced + " failed: " + e.getMessage());
        }
    }
}
