package dev.arazzo.codegen.check;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Saxon-HE's evaluation of an XPath replacement target that is not XPath 1.0, on a DOM payload. A class of its
 * own, so that checking a document without such a target loads no Saxon class (Saxon's jar is signed: its first
 * class costs the check of the jar's signature).
 */
final class SaxonNodes {

    private SaxonNodes() {
    }

    /**
     * Adds the DOM nodes {@code expression} selects in {@code document} to {@code nodes}, with {@code prefixes}
     * declared; null when it did, else why not.
     */
    static String select(Document document, String expression, Map<String, String> prefixes, List<Node> nodes) {
        try {
            net.sf.saxon.s9api.Processor processor = new net.sf.saxon.s9api.Processor(false);
            net.sf.saxon.s9api.XPathCompiler compiler = processor.newXPathCompiler();
            prefixes.forEach(compiler::declareNamespace);
            net.sf.saxon.s9api.XPathSelector selector = compiler.compile(expression).load();
            selector.setContextItem(processor.newDocumentBuilder().wrap(document));
            for (net.sf.saxon.s9api.XdmItem item : selector.evaluate()) {
                if (!(item instanceof net.sf.saxon.s9api.XdmNode node)
                        || !(node.getUnderlyingNode() instanceof net.sf.saxon.tree.wrapper.VirtualNode wrapped)
                        || !(wrapped.getRealNode() instanceof Node real)) {
                    return "selects a value that is not a node";
                }
                nodes.add(real);
            }
            return null;
        } catch (net.sf.saxon.s9api.SaxonApiException e) {
            return "fails (" + e.getMessage() + ")";
        }
    }
}
