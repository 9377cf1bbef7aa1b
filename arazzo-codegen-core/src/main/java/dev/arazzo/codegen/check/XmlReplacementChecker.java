package dev.arazzo.codegen.check;

import dev.arazzo.codegen.bind.BoundDocument;
import dev.arazzo.codegen.bind.BoundDocument.BoundReplacement;
import dev.arazzo.codegen.bind.BoundDocument.BoundStep;
import dev.arazzo.codegen.diagnostic.Diagnostics;
import dev.arazzo.codegen.diagnostic.SourceLocation;
import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import dev.arazzo.codegen.expression.XmlTemplate;
import dev.arazzo.codegen.source.MediaKind;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Replacements whose {@code targetSelectorType} is {@code xpath}: they write into an XML payload, so the step's
 * body must be XML ({@code application/xml}, {@code text/xml} or a {@code +xml} type) sent by an HTTP step;
 * where the payload is literal text it must be XML (DTDs refused, as at run time) in which the target selects
 * exactly one element, attribute or text node. A payload built at run time is checked when the step runs.
 */
final class XmlReplacementChecker {

    private final BoundDocument bound;
    private final Diagnostics diagnostics;

    XmlReplacementChecker(BoundDocument bound, Diagnostics diagnostics) {
        this.bound = bound;
        this.diagnostics = diagnostics;
    }

    /** Whether a replacement's target is declared an XPath (bound or, when it did not compile, reported). */
    static boolean isXPath(BoundReplacement replacement) {
        return replacement.replacement().targetSelectorType() != null
                && "xpath".equals(replacement.replacement().targetSelectorType().type());
    }

    /** An AsyncAPI step's replacements: a message payload is JSON or text, never a DOM to select in. */
    void message(BoundStep step) {
        step.body().replacements().stream().filter(XmlReplacementChecker::isXPath).forEach(replacement ->
                diagnostics.error("unencodable-payload", at(replacement.replacement().pointer() + "/target"), "step '"
                        + step.stepId() + "' sends a message, and its XPath replacement target applies to XML "
                        + "request bodies of HTTP steps only; write the payload as text with {$...} expressions"));
    }

    /** The XPath replacements of an HTTP step that sends {@code contentType} of {@code kind}. */
    void http(BoundStep step, String contentType, MediaKind kind) {
        List<BoundReplacement> xpaths = step.body().replacements().stream().filter(XmlReplacementChecker::isXPath)
                .toList();
        if (xpaths.isEmpty()) {
            return;
        }
        String subject = "step '" + step.stepId() + "'";
        if (!MediaKind.isXml(contentType)) {
            for (BoundReplacement replacement : xpaths) {
                diagnostics.error(kind == MediaKind.JSON ? "xpath-into-json" : "unencodable-payload",
                        at(replacement.replacement().pointer() + "/target"), subject + " sends '" + contentType
                        + "', not XML, so its XPath replacement target '" + replacement.replacement().target()
                        + "' has nothing to select; use targetSelectorType jsonpointer or jsonpath for a JSON "
                        + "payload, or send the XML media type the operation declares");
            }
            return;
        }
        BoundDocument.BoundValue payload = step.body().payload();
        if (!(payload instanceof BoundDocument.LiteralValue literal) || !literal.value().isTextual()) {
            return;
        }
        Document document;
        try {
            document = parse(literal.value().asText());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            diagnostics.error("unencodable-payload", at(payload.pointer()), subject + " replaces into its XML "
                    + "payload, which is not well-formed XML (or holds a DTD, which is refused): " + e.getMessage());
            return;
        }
        for (BoundReplacement replacement : xpaths) {
            if (replacement.xpath() == null) {
                continue;
            }
            String problem = selected(document, replacement.xpath());
            if (problem != null) {
                diagnostics.error("invalid-replacement", at(replacement.replacement().pointer() + "/target"),
                        subject + "'s XPath replacement target '" + replacement.xpath().expression() + "' "
                        + problem + " in the literal payload; it must select exactly one element, attribute or "
                        + "text node (prefixes mean what the payload declares)");
            }
        }
    }

    /**
     * A templated XML payload of an HTTP step that sends {@code contentType}: each {@code {$...}} must stand in
     * element content, an attribute value, a CDATA section or outside the root element, where its value can be
     * sent exactly; and, when every expression is inside the root element, the template with its values empty
     * must be well-formed XML (escaping keeps it so whatever the values are).
     */
    void template(BoundStep step, String contentType) {
        if (!MediaKind.isXml(contentType) || !(step.body().payload() instanceof BoundDocument.TemplateValue template)) {
            return;
        }
        List<XmlTemplate.Context> contexts = XmlTemplate.contexts(template.parts());
        StringBuilder skeleton = new StringBuilder();
        boolean checkable = true;
        int index = 0;
        for (TemplatePart part : template.parts()) {
            if (part instanceof TemplatePart.Literal text) {
                skeleton.append(text.text());
                continue;
            }
            XmlTemplate.Context context = contexts.get(index++);
            checkable &= context != XmlTemplate.Context.TOP;
            if (!context.insertable()) {
                diagnostics.error("unencodable-payload", at(template.pointer()), "step '" + step.stepId()
                        + "' inserts {" + ((TemplatePart.Embedded) part).text() + "} into " + context.describe()
                        + " of its XML payload, where no value can be sent exactly; move the expression into "
                        + "element content or a quoted attribute value");
                return;
            }
        }
        if (!checkable) {
            return;
        }
        try {
            parse(skeleton.toString());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            diagnostics.error("unencodable-payload", at(template.pointer()), "step '" + step.stepId()
                    + "' sends an XML payload that is not well-formed XML with its expressions' values left out (or "
                    + "holds a DTD, which is refused): " + e.getMessage());
        }
    }

    /** Null when {@code target} selects one element, attribute or text node of {@code document}, else why not. */
    private static String selected(Document document, BoundDocument.XPathTarget target) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        collect(document.getDocumentElement(), prefixes);
        List<Node> nodes = new ArrayList<>();
        try {
            if (target.saxon()) {
                String problem = SaxonNodes.select(document, target.expression(), prefixes, nodes);
                if (problem != null) {
                    return problem;
                }
            } else {
                javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
                xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
                    @Override
                    public String getNamespaceURI(String prefix) {
                        return prefixes.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
                    }

                    @Override
                    public String getPrefix(String namespaceUri) {
                        return null;
                    }

                    @Override
                    public java.util.Iterator<String> getPrefixes(String namespaceUri) {
                        return java.util.Collections.emptyIterator();
                    }
                });
                org.w3c.dom.NodeList list = (org.w3c.dom.NodeList) xpath.evaluate(target.expression(), document,
                        javax.xml.xpath.XPathConstants.NODESET);
                for (int i = 0; i < list.getLength(); i++) {
                    nodes.add(list.item(i));
                }
            }
        } catch (javax.xml.xpath.XPathExpressionException e) {
            return "fails (" + e.getMessage() + ")";
        }
        if (nodes.size() != 1) {
            return nodes.isEmpty() ? "selects nothing" : "selects " + nodes.size() + " nodes";
        }
        short type = nodes.get(0).getNodeType();
        return type == Node.ELEMENT_NODE || type == Node.ATTRIBUTE_NODE || type == Node.TEXT_NODE
                || type == Node.CDATA_SECTION_NODE ? null : "selects a node that is no element, attribute or text";
    }

    private static void collect(Element element, Map<String, String> prefixes) {
        org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName();
            if (name.startsWith("xmlns:")) {
                prefixes.putIfAbsent(name.substring("xmlns:".length()), attributes.item(i).getNodeValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                collect(nested, prefixes);
            }
        }
    }

    private static Document parse(String xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler());
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    private SourceLocation at(String pointer) {
        return bound.document().locate(pointer);
    }
}
